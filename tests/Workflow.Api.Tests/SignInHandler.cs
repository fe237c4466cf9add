using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Workflow.Api.Tests;

/// <summary>Signs in through <c>POST /api/auth/token</c> on first use and adds the bearer token to every request that has none.</summary>
public sealed class SignInHandler(string tenant, string username, string password) : DelegatingHandler
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Headers.Authorization is null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(request.RequestUri!, cancellationToken));
        }
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task<string> TokenAsync(Uri requestUri, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_token is null)
            {
                using var signIn = new HttpRequestMessage(HttpMethod.Post, new Uri(requestUri, "/api/auth/token"))
                {
                    Content = JsonContent.Create(new JsonObject { ["tenant"] = tenant, ["username"] = username, ["password"] = password }),
                };
                using var response = await base.SendAsync(signIn, cancellationToken);
                var body = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Sign-in of {tenant}/{username} answered {(int)response.StatusCode}: {body}");
                }
                _token = JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
            }
            return _token;
        }
        finally
        {
            _gate.Release();
        }
    }
}
