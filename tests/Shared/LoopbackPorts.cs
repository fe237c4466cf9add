using System.Net;
using System.Net.Sockets;

namespace Workflow.Tests.Shared;

/// <summary>
/// Free loopback ports for silos started by tests. Chosen below Linux's ephemeral range (32768–60999 by default):
/// a port the kernel handed out for "port 0" is released before the silo binds it, and in that window any outgoing
/// connection of a parallel test (there are thousands) may take it as its local port.
/// </summary>
public static class LoopbackPorts
{
    private const int First = 20000;
    private const int Last = 32000;

    /// <summary>A port in [20000, 32000) that could be bound on 127.0.0.1 just now.</summary>
    public static int Free()
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = Random.Shared.Next(First, Last);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }
        throw new InvalidOperationException($"No free loopback port between {First} and {Last}.");
    }
}
