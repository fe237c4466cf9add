using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Workflow.Api.Tests.Hubs;

/// <summary>A SignalR client of <c>/hubs/executions</c> on the test server that records every event it receives.</summary>
public sealed class HubTestClient : IAsyncDisposable
{
    public static readonly string[] EventNames =
        ["NodeStarted", "NodeCompleted", "NodeFailed", "NodeRetrying", "NodeWaiting", "NodeSkipped", "ExecutionStatusChanged"];

    private readonly ConcurrentQueue<(string Name, JsonObject Payload)> _events = new();
    private readonly SemaphoreSlim _arrived = new(0);

    private HubTestClient(HubConnection connection)
    {
        Connection = connection;
        foreach (var name in EventNames)
        {
            connection.On<JsonObject>(name, payload =>
            {
                _events.Enqueue((name, payload));
                _arrived.Release();
            });
        }
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<(string Name, JsonObject Payload)> Events => _events.ToArray();

    /// <summary>Connects with <paramref name="token"/> as the <c>access_token</c> query parameter (as the browser does).</summary>
    public static async Task<HubTestClient> ConnectAsync(WorkflowApiFactory factory, string? token)
    {
        var server = factory.Server;
        var url = new Uri(server.BaseAddress, token is null ? "/hubs/executions" : $"/hubs/executions?access_token={Uri.EscapeDataString(token)}");
        var connection = new HubConnectionBuilder()
            .WithUrl(url, o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => server.CreateHandler();
            })
            .Build();
        var client = new HubTestClient(connection);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Signs in through the API and returns the access token.</summary>
    public static async Task<string> TokenAsync(WorkflowApiFactory factory, string tenant, string username, string password)
    {
        using var http = factory.CreateAnonymousClient();
        using var response = await http.PostAsJsonAsync("/api/auth/token",
            new JsonObject { ["tenant"] = tenant, ["username"] = username, ["password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["accessToken"]!.GetValue<string>();
    }

    /// <summary>Waits until an event matches (or fails the test after <paramref name="seconds"/>).</summary>
    public async Task<(string Name, JsonObject Payload)> WaitForAsync(Func<string, JsonObject, bool> match, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            foreach (var e in _events)
            {
                if (match(e.Name, e.Payload))
                {
                    return e;
                }
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"No matching event within {seconds} s; got: {string.Join(", ", _events.Select(e => e.Name))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        _arrived.Dispose();
    }
}
