using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.Benchmarks;

/// <summary>
/// The HTTP API of the silo under test, over loopback only: a pooled <see cref="SocketsHttpHandler"/> with no proxy
/// and a bounded number of connections; every call has a timeout.
/// </summary>
public sealed class BenchmarkApi : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");
    private readonly HttpClient _client;

    /// <summary>Same connections, no bearer token: a webhook caller is an outside system, not a signed-in user.</summary>
    private readonly HttpClient _hooks;

    public BenchmarkApi(Uri baseAddress, int maxConnections)
    {
        if (!IPAddress.TryParse(baseAddress.Host, out var address) || !IPAddress.IsLoopback(address))
        {
            throw new ArgumentException($"The benchmark only talks to loopback, not {baseAddress}.", nameof(baseAddress));
        }
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = maxConnections,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        BaseAddress = baseAddress;
        _client = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
        _hooks = new HttpClient(handler, disposeHandler: false) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(120) };
    }

    /// <summary>Gets the silo's address (loopback).</summary>
    public Uri BaseAddress { get; }

    /// <summary>Signs in as the bootstrap admin when the silo has the token endpoint; without it requests go unauthenticated.</summary>
    public async Task AuthenticateAsync(string adminPassword, CancellationToken cancellationToken)
    {
        var body = new JsonObject { ["tenant"] = "default", ["username"] = "admin", ["password"] = adminPassword };
        using var response = await PostAsync("/api/auth/token", Content(Body(body)), cancellationToken);
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.MethodNotAllowed)
        {
            return;
        }
        var token = await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
        _client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token["accessToken"]!.GetValue<string>());
    }

    public async Task<string> CreateWorkflowAsync(JsonObject document, CancellationToken cancellationToken)
    {
        using var response = await PostAsync("/api/workflows", Content(Body(document)), cancellationToken);
        var created = await ReadObjectAsync(response, HttpStatusCode.Created, cancellationToken);
        return created["id"]!.GetValue<string>();
    }

    /// <summary>Starts an execution and waits for its end (<c>?wait=true</c>); answers the execution object.</summary>
    public async Task<JsonObject> RunAsync(string workflowId, byte[] body, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"/api/workflows/{workflowId}/executions?wait=true", Content(body), cancellationToken);
        return await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
    }

    /// <summary>Starts an execution without waiting; answers its id.</summary>
    public async Task<string> StartAsync(string workflowId, byte[] body, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"/api/workflows/{workflowId}/executions", Content(body), cancellationToken);
        var started = await ReadObjectAsync(response, HttpStatusCode.Accepted, cancellationToken);
        return started["executionId"]!.GetValue<string>();
    }

    public async Task ActivateAsync(string workflowId, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"/api/workflows/{workflowId}/activate", Content([]), cancellationToken);
        await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
    }

    /// <summary>Calls a webhook (<c>POST /hooks/default/{path}</c>); answers the status and the raw body.</summary>
    public async Task<(HttpStatusCode Status, string Body)> PostHookAsync(string path, byte[] body, CancellationToken cancellationToken)
    {
        using var content = Content(body);
        using var response = await _hooks.PostAsync($"/hooks/default/{path}", content, cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }

    /// <summary>Delivers an empty signal to a waiting <c>wait</c> node.</summary>
    public async Task SignalAsync(string executionId, string nodeId, CancellationToken cancellationToken)
    {
        using var response = await PostAsync($"/api/executions/{executionId}/signals/{nodeId}", Content("{}"u8.ToArray()), cancellationToken);
        await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
    }

    /// <summary>Counts a workflow's executions in a status from the history, 500 a page, at most <paramref name="maxPages"/> pages.</summary>
    public async Task<int> CountExecutionsAsync(string workflowId, string status, int maxPages, CancellationToken cancellationToken)
    {
        var count = 0;
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var path = $"/api/executions?workflowId={workflowId}&status={status}&limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _client.GetAsync(path, cancellationToken);
            var body = await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
            count += body["items"]!.AsArray().Count;
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
            {
                break;
            }
        }
        return count;
    }

    /// <summary>The engine's completion timestamps of a workflow's completed executions (paging the history).</summary>
    public async Task<List<DateTimeOffset>> CompletionTimesAsync(string workflowId, int maxPages, CancellationToken cancellationToken)
    {
        var times = new List<DateTimeOffset>();
        string? cursor = null;
        for (var page = 0; page < maxPages; page++)
        {
            var path = $"/api/executions?workflowId={workflowId}&status=completed&limit=500" + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _client.GetAsync(path, cancellationToken);
            var body = await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
            foreach (var item in body["items"]!.AsArray())
            {
                if (item?["completedAt"]?.GetValue<DateTimeOffset>() is { } completedAt)
                {
                    times.Add(completedAt);
                }
            }
            cursor = body["nextCursor"]?.GetValue<string>();
            if (cursor is null)
            {
                break;
            }
        }
        return times;
    }

    public async Task<JsonObject> GetExecutionAsync(string executionId, CancellationToken cancellationToken)
    {
        using var response = await _client.GetAsync($"/api/executions/{executionId}", cancellationToken);
        return await ReadObjectAsync(response, HttpStatusCode.OK, cancellationToken);
    }

    /// <summary>A request body serialised once, so the measured path only copies bytes.</summary>
    public static byte[] Body(JsonNode body) => Encoding.UTF8.GetBytes(body.ToJsonString());

    public void Dispose()
    {
        _hooks.Dispose();
        _client.Dispose();
    }

    private async Task<HttpResponseMessage> PostAsync(string path, HttpContent content, CancellationToken cancellationToken)
    {
        using (content)
        {
            return await _client.PostAsync(path, content, cancellationToken);
        }
    }

    // A fresh content per request: HttpContent and its headers are not safe to share between concurrent requests.
    private static ByteArrayContent Content(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        return content;
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (response.StatusCode != expected)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}, expected {(int)expected}: {text}");
        }
        return JsonNode.Parse(text)!.AsObject();
    }
}
