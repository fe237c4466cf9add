using Workflow.Tests.Shared;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Workflow.EndToEnd.Tests;

/// <summary>
/// The real silo executable, started as a child process on loopback with its own data directory and ports,
/// so tests can kill -9 it and start it again on the same data.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    /// <summary>The bootstrap admin's password (<c>WORKFLOW_ADMIN_PASSWORD</c>) unless the environment given says otherwise.</summary>
    public const string DefaultAdminPassword = "e2e-admin-password";

    private readonly StringBuilder _log = new();
    private readonly Dictionary<string, string> _environment;
    private readonly string? _repositoryRoot;
    private Process? _process;

    /// <param name="dataDirectory">The silo's data directory.</param>
    /// <param name="environment">Extra environment of the process.</param>
    /// <param name="repositoryRoot">The checkout whose built silo runs (another one to compare builds); default this one.</param>
    public SiloProcess(string dataDirectory, Dictionary<string, string>? environment = null, string? repositoryRoot = null)
    {
        DataDirectory = dataDirectory;
        _environment = environment ?? [];
        _repositoryRoot = repositoryRoot;
        HttpPort = LoopbackPorts.Free();
        SiloPort = LoopbackPorts.Free();
        GatewayPort = LoopbackPorts.Free();
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(90) };
    }

    public string DataDirectory { get; }
    public int HttpPort { get; }
    public int SiloPort { get; }
    public int GatewayPort { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{HttpPort}");
    public HttpClient Client { get; }

    public string Log { get { lock (_log) { return _log.ToString(); } } }

    /// <summary>Starts the process and waits until /health answers.</summary>
    public async Task StartAsync()
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var dll = Path.Combine(_repositoryRoot ?? Workflow.Tests.Shared.RepositoryPaths.Root(), "silo", "Workflow.Silo", "bin", configuration, "net10.0", "Workflow.Silo.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException("Build the silo first.", dll);
        }
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        foreach (var arg in new[]
        {
            dll, "--urls", BaseAddress.ToString().TrimEnd('/'),
            $"--Workflow:DataDirectory={DataDirectory}",
            $"--Orleans:SiloPort={SiloPort}", $"--Orleans:GatewayPort={GatewayPort}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Workflow=Information",
        })
        {
            info.ArgumentList.Add(arg);
        }
        info.Environment["WORKFLOW_ADMIN_PASSWORD"] = DefaultAdminPassword;
        foreach (var (key, value) in _environment)
        {
            // An empty value removes the variable (e.g. to see the generated admin password).
            if (value.Length == 0)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }
        _process = Process.Start(info) ?? throw new InvalidOperationException("The silo did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo exited with {_process.ExitCode}:\n{Log}");
            }
            try
            {
                using var response = await Client.GetAsync("/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"The silo did not become healthy:\n{Log}");
    }

    /// <summary>Signs in as <c>default/admin</c> and sends the token with every later request of <see cref="Client"/>.</summary>
    public async Task<string> SignInAsync(string password = DefaultAdminPassword)
    {
        using var response = await Client.PostAsJsonAsync("/api/auth/token",
            new JsonObject { ["tenant"] = "default", ["username"] = "admin", ["password"] = password });
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Sign-in answered {(int)response.StatusCode}: {body}");
        }
        var token = JsonNode.Parse(body)!["accessToken"]!.GetValue<string>();
        UseToken(token);
        return token;
    }

    /// <summary>Sends <paramref name="token"/> as the bearer token with every later request of <see cref="Client"/>.</summary>
    public void UseToken(string token) => Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

    /// <summary>SIGKILL: no shutdown hooks, no flushing — like a crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        Client.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log) { _log.AppendLine(line); }
        }
    }
}
