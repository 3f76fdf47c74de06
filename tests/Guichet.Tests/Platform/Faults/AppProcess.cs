using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Guichet.Tests.Support;

namespace Guichet.Tests.Platform.Faults;

/// The built Guichet binary as a real process on a free port and a database of its own, for the
/// fault tests: it can be killed (SIGKILL, no shutdown) and started again on the same database.
internal sealed class AppProcess(TestDatabase db, IReadOnlyDictionary<string, string>? settings = null) : IAsyncDisposable
{
    private Process? _process;

    public string BaseUrl { get; private set; } = "";

    private ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, WorkingDirectory = db.Directory };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Guichet.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Database__Provider"] = TestDatabase.Provider;
        psi.Environment["Database__ConnectionString"] = db.ConnectionString;
        psi.Environment["Data__Directory"] = db.Directory;
        psi.Environment["DOTNET_ENVIRONMENT"] = "Testing";
        psi.Environment["Demo__ProcessHistory"] = "false";
        psi.Environment["Journal__Retention__IntervalMinutes"] = "0";
        foreach (var limit in Guichet.Platform.Web.RateLimits.Defaults) psi.Environment[$"Limits__{limit.Name}__Permits"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        return psi;
    }

    /// Runs a command of the command line to its end; its standard output.
    public async Task<string> CommandAsync(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(180));
        Assert.True(process.ExitCode == 0, $"guichet {string.Join(' ', args)}: {await error}");
        return await output;
    }

    /// Starts the web host and waits until /health answers.
    public async Task StartAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var psi = StartInfo(["--urls", BaseUrl]);
        psi.Environment["Web__PublicBaseUrl"] = BaseUrl;
        _process = Process.Start(psi)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(180); // a guard against a hang: a loaded machine starts slowly
        while (DateTime.UtcNow < until)
        {
            Assert.False(_process.HasExited, "The app stopped while starting.");
            try
            {
                if ((await client.GetAsync(BaseUrl + "/health")).StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException("The app did not answer /health within 180 s.");
    }

    /// kill -9: the process ends at once, with whatever it was doing.
    public void Kill()
    {
        if (_process is null) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
        _process = null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        return ValueTask.CompletedTask;
    }
}
