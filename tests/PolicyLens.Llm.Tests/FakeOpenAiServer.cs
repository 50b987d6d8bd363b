using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PolicyLens.Llm.Tests;

/// <summary>One chat-completion request as the fake server received it.</summary>
public sealed record FakeRequest(string Model, string System, string LastUser, string? ResponseFormat, string? Authorization, JsonNode Body)
{
    /// <summary>The text between &lt;passage&gt; and &lt;/passage&gt; of the last user message.</summary>
    public string Passage
    {
        get
        {
            var start = LastUser.IndexOf("<passage>\n", StringComparison.Ordinal);
            var end = LastUser.LastIndexOf("\n</passage>", StringComparison.Ordinal);
            return start >= 0 && end > start ? LastUser[(start + "<passage>\n".Length)..end] : "";
        }
    }
}

/// <summary>What the fake server answers: an assistant message, or an HTTP status, after an optional wait.</summary>
public sealed record FakeReply(string? Content = null, int Status = 200, TimeSpan? Delay = null, string? RetryAfter = null,
    int PromptTokens = 100, int CompletionTokens = 20, string? Body = null, bool Drop = false)
{
    /// <summary>Closes the connection without an answer, as a crashing or overloaded server does.</summary>
    public static FakeReply Dropped { get; } = new(Drop: true);

    public static FakeReply Json(object answer) => new(JsonSerializer.Serialize(answer));
    public static FakeReply Code(int status, string? retryAfter = null, string? body = null) => new(Status: status, RetryAfter: retryAfter, Body: body);
}

/// <summary>
/// An OpenAI-compatible server on 127.0.0.1 with a port the OS picks (Kestrel, port 0):
/// <c>POST /v1/chat/completions</c> answered by a function of the request, <c>GET /v1/models</c>.
/// It records every request and the most requests it ever had in flight at once.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Func<FakeRequest, int, Task<FakeReply>> _respond;
    private int _inFlight;
    private int _calls;

    private FakeOpenAiServer(WebApplication app, Func<FakeRequest, int, Task<FakeReply>> respond)
    {
        _app = app;
        _respond = respond;
    }

    public ConcurrentQueue<FakeRequest> Requests { get; } = new();
    public int PeakInFlight { get; private set; }
    public int Calls => _calls;

    /// <summary>Base URL to configure as the endpoint, ending in /v1.</summary>
    public string Endpoint { get; private set; } = "";

    /// <summary>Starts a server; <paramref name="respond"/> gets the request and its 1-based number.</summary>
    public static async Task<FakeOpenAiServer> StartAsync(Func<FakeRequest, int, Task<FakeReply>> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new FakeOpenAiServer(app, respond);
        app.MapPost("/v1/chat/completions", server.HandleAsync);
        app.MapGet("/v1/models", () => Results.Json(new { data = new[] { new { id = "fake-model", @object = "model" } } }));
        await app.StartAsync();
        server.Endpoint = app.Urls.First().TrimEnd('/') + "/v1";
        return server;
    }

    public static Task<FakeOpenAiServer> StartAsync(Func<FakeRequest, FakeReply> respond) =>
        StartAsync((request, _) => Task.FromResult(respond(request)));

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _calls);
        var now = Interlocked.Increment(ref _inFlight);
        lock (Requests) PeakInFlight = Math.Max(PeakInFlight, now);
        try
        {
            var body = (await JsonNode.ParseAsync(context.Request.Body))!;
            var messages = body["messages"]!.AsArray();
            var request = new FakeRequest(
                (string)body["model"]!,
                messages.Where(m => (string?)m!["role"] == "system").Select(m => Text(m!["content"])).FirstOrDefault() ?? "",
                messages.Where(m => (string?)m!["role"] == "user").Select(m => Text(m!["content"])).LastOrDefault() ?? "",
                (string?)body["response_format"]?["type"],
                context.Request.Headers.Authorization.FirstOrDefault(),
                body);
            Requests.Enqueue(request);
            var reply = await _respond(request, number);
            if (reply.Delay is { } delay) await Task.Delay(delay, context.RequestAborted);
            if (reply.Drop)
            {
                context.Abort();
                return;
            }
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfter is not null) context.Response.Headers.RetryAfter = reply.RetryAfter;
            if (reply.Status != 200)
            {
                await context.Response.WriteAsync(reply.Body ?? $"{{\"error\":{{\"message\":\"status {reply.Status}\"}}}}");
                return;
            }
            var answer = new JsonObject
            {
                ["id"] = $"chatcmpl-{number}",
                ["object"] = "chat.completion",
                ["created"] = 1_700_000_000,
                ["model"] = request.Model,
                ["choices"] = new JsonArray(new JsonObject
                {
                    ["index"] = 0,
                    ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = reply.Content ?? "" },
                    ["finish_reason"] = "stop",
                }),
                ["usage"] = new JsonObject
                {
                    ["prompt_tokens"] = reply.PromptTokens,
                    ["completion_tokens"] = reply.CompletionTokens,
                    ["total_tokens"] = reply.PromptTokens + reply.CompletionTokens,
                },
            };
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.ToJsonString());
        }
        catch (OperationCanceledException)
        {
            // The client gave up (its time limit); nothing to answer.
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>Message content as a string, also when sent as a list of text parts.</summary>
    private static string Text(JsonNode? content) => content switch
    {
        JsonValue v => (string?)v ?? "",
        JsonArray parts => string.Concat(parts.Select(p => (string?)p?["text"] ?? "")),
        _ => "",
    };

    /// <summary>A free loopback port with nothing listening: a server that is down.</summary>
    public static string DownEndpoint()
    {
        var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/v1";
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(limit.Token);
        await _app.DisposeAsync();
    }
}

/// <summary>Ready-made answers for tests that need a plausible model.</summary>
public static class FakeModels
{
    /// <summary>"herhaalde-ontmoetingen" and "sociaal", quoting the first three words, for passages about meeting; nothing otherwise.</summary>
    public static FakeReply Meeting(FakeRequest request)
    {
        var text = request.Passage;
        if (!text.Contains("ontmoet", StringComparison.OrdinalIgnoreCase))
            return FakeReply.Json(new { element = Array.Empty<string>(), type = Array.Empty<string>(), level = Array.Empty<string>(), evidence = new { } });
        var quote = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3));
        return FakeReply.Json(new
        {
            element = new[] { "herhaalde-ontmoetingen" }, type = new[] { "sociaal" }, level = Array.Empty<string>(),
            evidence = new Dictionary<string, string> { ["herhaalde-ontmoetingen"] = quote, ["sociaal"] = quote },
        });
    }
}
