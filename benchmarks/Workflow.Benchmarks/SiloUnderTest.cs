using System.Security.Cryptography;
using Workflow.EndToEnd.Tests;

namespace Workflow.Benchmarks;

/// <summary>
/// The real silo executable (via the end-to-end tests' <see cref="SiloProcess"/>) on loopback with a fresh temporary
/// data directory, plus the process id of that child so its memory can be read from /proc.
/// </summary>
public sealed class SiloUnderTest : IAsyncDisposable
{
    private readonly SiloProcess _process;

    private SiloUnderTest(SiloProcess process, string adminPassword)
    {
        _process = process;
        AdminPassword = adminPassword;
    }

    public int Pid { get; private set; }

    public string AdminPassword { get; }

    public Uri BaseAddress => _process.BaseAddress;

    public string DataDirectory => _process.DataDirectory;

    /// <summary>Starts the silo built in <paramref name="repositoryRoot"/> (default: this checkout) with its launch profile's environment.</summary>
    public static async Task<SiloUnderTest> StartAsync(IReadOnlyDictionary<string, string> environment, string? repositoryRoot = null)
    {
        var data = Path.Combine(Path.GetTempPath(), "wf-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        var variables = LaunchProfile.Environment(repositoryRoot);
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        variables["WORKFLOW_ADMIN_PASSWORD"] = password;
        var silo = new SiloUnderTest(new SiloProcess(data, variables, repositoryRoot), password);
        try
        {
            await silo._process.StartAsync();
            silo.Pid = FindPid(data);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    public ProcessMemory Memory() => ProcessMemory.Read(Pid);

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp directory is cleaned by the OS later.
        }
    }

    /// <summary>SiloProcess does not expose its child: find it by the unique data directory on its command line.</summary>
    private static int FindPid(string dataDirectory)
    {
        var marker = $"--Workflow:DataDirectory={dataDirectory}";
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0').Contains(marker))
                {
                    return pid;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended or is not ours to read.
            }
        }
        throw new InvalidOperationException($"No process has '{marker}' on its command line.");
    }
}
