using System.Diagnostics;

namespace Guichet.Bench;

/// The app as the benchmarks run it: `dotnet Guichet.dll` as a child process, listening on a
/// free loopback port, configured through environment variables like a deployment would be.
internal static class AppProcess
{
    public static Process Start(BenchOptions o, IReadOnlyDictionary<string, string> environment, out string baseUrl)
    {
        var port = FreePort();
        baseUrl = $"http://127.0.0.1:{port}";
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(o.AppDll);
        psi.ArgumentList.Add("--urls");
        psi.ArgumentList.Add(baseUrl);
        psi.Environment["Data__Directory"] = Path.Combine(Path.GetTempPath(), "guichet-bench");
        psi.Environment["Demo__ProcessHistory"] = "false"; // the scenarios generate their own data at volume
        psi.Environment["Logging__LogLevel__Default"] = "Warning";
        psi.Environment["DOTNET_gcServer"] = "1";
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("app: " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// Runs a command of the same binary (`migrate`, `seed --demo`) to its end.
    public static async Task RunCommandAsync(BenchOptions o, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(o.AppDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["Data__Directory"] = Path.Combine(Path.GetTempPath(), "guichet-bench");
        psi.Environment["Demo__ProcessHistory"] = "false"; // the scenarios generate their own data at volume
        foreach (var (key, value) in environment) psi.Environment[key] = value;
        using var process = Process.Start(psi)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"guichet {string.Join(' ', args)} failed ({process.ExitCode}): {await output}{await error}");
    }

    public static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
