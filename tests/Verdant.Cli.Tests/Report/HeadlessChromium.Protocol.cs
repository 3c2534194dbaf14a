using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace Verdant.Cli.Tests.Report;

internal sealed partial class HeadlessChromium
{
    private readonly Dictionary<string, List<TaskCompletionSource<JsonNode>>> _waiters = [];

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters, bool browserLevel = false)
    {
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        var message = new JsonObject { ["method"] = method, ["params"] = parameters };
        lock (_pending)
        {
            int id = ++_nextId;
            message["id"] = id;
            _pending[id] = done;
        }

        if (!browserLevel && _session is not null)
        {
            message["sessionId"] = _session;
        }

        byte[] bytes = Encoding.UTF8.GetBytes(message.ToJsonString());
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }

        JsonNode reply = await done.Task.WaitAsync(Timeout).ConfigureAwait(false);
        if (reply["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return reply["result"] ?? new JsonObject();
    }

    private readonly SemaphoreSlim _sendLock = new(1, 1);

    private Task<JsonNode> WaitForEventAsync(string method)
    {
        var seen = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_waiters)
        {
            if (!_waiters.TryGetValue(method, out var list))
            {
                _waiters[method] = list = [];
            }

            list.Add(seen);
        }

        return seen.Task;
    }

    private async Task ReadLoopAsync()
    {
        var buffer = new byte[1 << 20];
        var message = new MemoryStream();
        while (!_stop.IsCancellationRequested && _socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult part;
            try
            {
                part = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
            {
                return;
            }

            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
            {
                continue;
            }

            JsonNode? node = JsonNode.Parse(message.ToArray());
            message.SetLength(0);
            if (node is not null)
            {
                await DispatchAsync(node).ConfigureAwait(false);
            }
        }
    }

    private async Task DispatchAsync(JsonNode node)
    {
        if (node["id"] is { } id)
        {
            TaskCompletionSource<JsonNode>? done;
            lock (_pending)
            {
                _pending.Remove(id.GetValue<int>(), out done);
            }

            done?.TrySetResult(node);
            return;
        }

        string method = node["method"]?.GetValue<string>() ?? string.Empty;
        JsonNode? p = node["params"];
        lock (_events)
        {
            _events.Add(node);
            Record(method, p);
        }

        if (method == "Fetch.requestPaused" && p is not null)
        {
            string url = p["request"]!["url"]!.GetValue<string>();
            bool own = url == _allowedUrl;
            if (!own)
            {
                lock (_events)
                {
                    Blocked.Add(url);
                }
            }

            // Replies go out from a task so the read loop keeps reading while they wait.
            _ = Task.Run(() => SendAsync(own ? "Fetch.continueRequest" : "Fetch.failRequest", own
                ? new JsonObject { ["requestId"] = p["requestId"]!.GetValue<string>() }
                : new JsonObject { ["requestId"] = p["requestId"]!.GetValue<string>(), ["errorReason"] = "BlockedByClient" }));
        }

        List<TaskCompletionSource<JsonNode>>? waiting = null;
        lock (_waiters)
        {
            _waiters.Remove(method, out waiting);
        }

        waiting?.ForEach(w => w.TrySetResult(node));
        await Task.CompletedTask.ConfigureAwait(false);
    }

    private void Record(string method, JsonNode? p)
    {
        switch (method)
        {
            case "Network.requestWillBeSent":
                Requests.Add(p?["request"]?["url"]?.GetValue<string>() ?? "?");
                break;
            case "Runtime.consoleAPICalled" when (p?["type"]?.GetValue<string>() is "error" or "assert"):
                Errors.Add("console error: " + p["args"]?.ToJsonString());
                break;
            case "Log.entryAdded" when (p?["entry"]?["level"]?.GetValue<string>() == "error"):
                Errors.Add("log error: " + p["entry"]?.ToJsonString());
                break;
            case "Runtime.exceptionThrown":
                Errors.Add($"exception: {p?["exceptionDetails"]?.ToJsonString()}");
                break;
            default:
                break;
        }
    }
}
