using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Verdant.Cli.Tests.Report;

/// <summary>
/// Debian's headless Chromium driven over the DevTools protocol (a WebSocket on a port the browser picks): opens a page,
/// intercepts every request the page makes (Fetch domain: anything but the page's own file is failed and recorded),
/// records console errors, log errors and uncaught exceptions, evaluates script in the page and takes screenshots.
/// </summary>
internal sealed partial class HeadlessChromium : IAsyncDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly List<JsonNode> _events = [];
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;
    private int _nextId;
    private string? _session;
    private string _allowedUrl = string.Empty;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Requests the page made (every URL, including the page's own).</summary>
    public List<string> Requests { get; } = [];

    /// <summary>Requests the page made for anything but its own file: each was failed before it left.</summary>
    public List<string> Blocked { get; } = [];

    /// <summary>Console errors, error log entries and uncaught exceptions.</summary>
    public List<string> Errors { get; } = [];

    /// <summary>The browser binary on PATH, or null when Chromium is not installed.</summary>
    public static string? Find() => new[] { "chromium", "chromium-browser" }
        .SelectMany(name => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(dir => Path.Combine(dir, name)))
        .FirstOrDefault(File.Exists);

    public static async Task<HeadlessChromium> StartAsync(string binary)
    {
        string profile = Directory.CreateTempSubdirectory("verdant-chromium-").FullName;
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-extensions", "--remote-debugging-port=0",
            $"--user-data-dir={profile}", "about:blank",
        })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{binary} did not start");
        var browser = new HeadlessChromium(process, profile);
        await browser.ConnectAsync().ConfigureAwait(false);
        return browser;
    }

    /// <summary>Opens <paramref name="url"/> in a fresh tab and waits for its load event.</summary>
    public async Task OpenAsync(string url, int widthPx, int heightPx)
    {
        _allowedUrl = url;
        JsonNode target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, browserLevel: true).ConfigureAwait(false);
        JsonNode attached = await SendAsync("Target.attachToTarget",
            new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true }, browserLevel: true).ConfigureAwait(false);
        _session = attached["sessionId"]!.GetValue<string>();
        foreach (string domain in new[] { "Page", "Runtime", "Log", "Network" })
        {
            await SendAsync($"{domain}.enable", new JsonObject()).ConfigureAwait(false);
        }

        await SendAsync("Fetch.enable", new JsonObject { ["patterns"] = new JsonArray(new JsonObject { ["urlPattern"] = "*" }) }).ConfigureAwait(false);
        await SendAsync("Emulation.setDeviceMetricsOverride", new JsonObject
        {
            ["width"] = widthPx, ["height"] = heightPx, ["deviceScaleFactor"] = 1, ["mobile"] = false,
        }).ConfigureAwait(false);
        Task loaded = WaitForEventAsync("Page.loadEventFired");
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }).ConfigureAwait(false);
        await loaded.WaitAsync(Timeout).ConfigureAwait(false);
    }

    /// <summary>Evaluates <paramref name="expression"/> in the page and returns its value (JSON-serializable).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        JsonNode result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true }).ConfigureAwait(false);
        if (result["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"script failed: {error.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    /// <summary>A PNG of the page region (CSS pixels), or of the whole page when <paramref name="clip"/> is null.</summary>
    public async Task<byte[]> ScreenshotAsync((double X, double Y, double Width, double Height)? clip = null)
    {
        if (clip is null)
        {
            JsonNode metrics = await SendAsync("Page.getLayoutMetrics", new JsonObject()).ConfigureAwait(false);
            JsonNode size = metrics["cssContentSize"] ?? metrics["contentSize"]!;
            clip = (0, 0, size["width"]!.GetValue<double>(), size["height"]!.GetValue<double>());
        }

        JsonNode shot = await SendAsync("Page.captureScreenshot", new JsonObject
        {
            ["format"] = "png",
            ["captureBeyondViewport"] = true,
            ["clip"] = new JsonObject
            {
                ["x"] = clip.Value.X, ["y"] = clip.Value.Y, ["width"] = clip.Value.Width, ["height"] = clip.Value.Height, ["scale"] = 1,
            },
        }).ConfigureAwait(false);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(Timeout).ConfigureAwait(false);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }

        _socket.Dispose();
        _process.Dispose();
        _stop.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A crash reporter may still hold a file; the temp folder is cleaned by the system.
        }
    }

    private async Task ConnectAsync()
    {
        // Chromium prints "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID" on stderr once ready.
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var log = new StringBuilder();
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException($"chromium exited before listening: {log}"));
                return;
            }

            lock (log)
            {
                log.AppendLine(e.Data);
            }

            int at = e.Data.IndexOf("ws://", StringComparison.Ordinal);
            if (e.Data.StartsWith("DevTools listening on", StringComparison.Ordinal) && at >= 0)
            {
                ready.TrySetResult(e.Data[at..].Trim());
            }
        };
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        string url = await ready.Task.WaitAsync(Timeout).ConfigureAwait(false);
        await _socket.ConnectAsync(new Uri(url), CancellationToken.None).WaitAsync(Timeout).ConfigureAwait(false);
        _reader = Task.Run(ReadLoopAsync);
    }
}
