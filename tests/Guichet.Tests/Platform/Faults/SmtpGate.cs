using System.Net;
using System.Net.Sockets;

namespace Guichet.Tests.Platform.Faults;

/// A door in front of the test mail server (smtp4dev) that a fault test shuts and opens: shut, every
/// connection is cut as soon as it is made and the ones through it are cut too (the server is
/// down); open, it passes every byte both ways, each chunk towards the server after
/// <paramref name="delayMs"/> (a slow server). The real server stays up for the other tests.
internal sealed class SmtpGate : IDisposable
{
    private readonly List<TcpClient> _connections = [];
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly int _serverPort;
    private readonly int _delayMs;
    private volatile bool _open = true;

    public SmtpGate(int serverPort, int delayMs = 0)
    {
        _serverPort = serverPort;
        _delayMs = delayMs;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = AcceptAsync(_listener);
    }

    public int Port { get; }

    public void Open() => _open = true;

    public void Shut()
    {
        _open = false;
        lock (_connections)
        {
            foreach (var c in _connections) c.Dispose();
            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (true)
        {
            TcpClient inbound;
            try { inbound = await listener.AcceptTcpClientAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = PipeAsync(inbound);
        }
    }

    private async Task PipeAsync(TcpClient inbound)
    {
        if (!_open)
        {
            inbound.Dispose();
            return;
        }
        var outbound = new TcpClient();
        lock (_connections)
        {
            _connections.Add(inbound);
            _connections.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(IPAddress.Loopback, _serverPort);
            var client = inbound.GetStream();
            var server = outbound.GetStream();
            await Task.WhenAny(CopyAsync(client, server, _delayMs), CopyAsync(server, client, 0));
        }
        catch (Exception e) when (e is SocketException or IOException or ObjectDisposedException) { }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }

    private static async Task CopyAsync(Stream from, Stream to, int delayMs)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer)) > 0)
        {
            if (delayMs > 0) await Task.Delay(delayMs);
            await to.WriteAsync(buffer.AsMemory(0, read));
        }
    }

    public void Dispose()
    {
        Shut();
        _listener.Stop();
        _listener.Dispose();
    }
}
