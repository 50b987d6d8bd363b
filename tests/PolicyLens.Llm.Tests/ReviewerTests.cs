using PolicyLens.Tagging;
using static PolicyLens.Llm.Tests.TestSupport;

namespace PolicyLens.Llm.Tests;

public sealed class ReviewerTests
{
    private const string Lunch = "We organiseren elke week een buurtlunch in het dienstencentrum voor alle bewoners.";

    [Fact]
    public async Task The_request_carries_the_passage_between_passage_tags_and_the_label_definitions_in_the_system_prompt()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer());
        using var reviewer = Reviewer(server.Endpoint);
        await reviewer.ReviewAsync(Passage(Lunch, "BD 2 Samen leven", "AP 2.3 Ontmoeting"));

        var request = Assert.Single(server.Requests);
        Assert.Equal("fake-model", request.Model);
        Assert.Equal(Lunch, request.Passage);
        Assert.EndsWith("</passage>", request.LastUser);
        Assert.Contains("BD 2 Samen leven > AP 2.3 Ontmoeting", request.LastUser);
        Assert.Equal(Prompt.SystemText.Trim(), request.System.Trim());
        foreach (var dimension in ReviewPrompt.Dimensions)
            foreach (var id in LabelCatalog.IdsOf(dimension))
                Assert.Contains($"`{id}`", request.System);
        Assert.DoesNotContain(Lunch, request.System);
        Assert.Equal("json_object", request.ResponseFormat);
        Assert.Equal(0, (double)request.Body["temperature"]!);
    }

    [Fact]
    public async Task A_valid_reply_gives_labels_with_their_quotes_located_in_the_passage()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer(
            ("element", "herhaalde-ontmoetingen", "elke week een buurtlunch"),
            ("type", "sociaal", "buurtlunch"),
            ("level", "universeel", "voor alle bewoners")));
        using var reviewer = Reviewer(server.Endpoint);
        var review = await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(ReviewStatus.Answered, review.Status);
        Assert.Equal(["element:herhaalde-ontmoetingen", "type:sociaal", "level:universeel"], review.Labels.Select(l => $"{l.Dimension}:{l.Label}"));
        var element = review.Labels[0];
        Assert.Equal("elke week een buurtlunch", Lunch.Substring(element.Start, element.Length));
        Assert.Empty(review.Dropped);
        Assert.Equal(100, review.PromptTokens);
        Assert.Equal(20, review.CompletionTokens);
    }

    [Fact]
    public async Task Unknown_ids_and_labels_whose_quote_is_not_in_the_passage_are_dropped()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Json(new
        {
            element = new[] { "herhaalde-ontmoetingen", "eenzaamheidsbestrijding", "bezig-zijn", "gemeenschapszin" },
            type = new[] { "sociaal" },
            level = new[] { "universeel" },
            evidence = new Dictionary<string, string>
            {
                ["herhaalde-ontmoetingen"] = "buurtlunch",
                ["eenzaamheidsbestrijding"] = "buurtlunch",
                ["bezig-zijn"] = "vrijwilligers koken samen",   // not in the passage
                ["sociaal"] = "in het dienstencentrum",
                // no quote for gemeenschapszin nor universeel
            },
        }));
        using var reviewer = Reviewer(server.Endpoint);
        var review = await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(["herhaalde-ontmoetingen", "sociaal"], review.Labels.Select(l => l.Label));
        Assert.Contains(review.Dropped, d => d is { Label: "eenzaamheidsbestrijding", Reason: DropReason.UnknownLabel });
        Assert.Contains(review.Dropped, d => d is { Label: "bezig-zijn", Reason: DropReason.QuoteNotInPassage });
        Assert.Contains(review.Dropped, d => d is { Label: "gemeenschapszin", Reason: DropReason.MissingQuote });
        Assert.Contains(review.Dropped, d => d is { Label: "universeel", Reason: DropReason.MissingQuote });
    }

    [Fact]
    public async Task A_malformed_reply_is_asked_once_more_and_the_second_answer_counts()
    {
        await using var server = await FakeOpenAiServer.StartAsync((_, n) =>
            Task.FromResult(n == 1 ? new FakeReply("Hier is mijn analyse: element = bezig-zijn") : Answer(("element", "herhaalde-ontmoetingen", "buurtlunch"))));
        using var reviewer = Reviewer(server.Endpoint);
        var review = await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(ReviewStatus.Answered, review.Status);
        Assert.Equal("herhaalde-ontmoetingen", Assert.Single(review.Labels).Label);
        var retry = server.Requests.Last();
        Assert.Equal(2, server.Calls);
        Assert.Equal(Lunch, retry.Passage);
        Assert.Contains("not one JSON object", retry.LastUser);
        Assert.Equal(200, review.PromptTokens); // both attempts are paid for
    }

    [Fact]
    public async Task Two_malformed_replies_count_as_one_failure_and_nothing_is_cached()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => new FakeReply("{\"element\": \"bezig-zijn\""));
        using var store = Memory();
        using var reviewer = Reviewer(server.Endpoint, cache: store);
        var summary = await reviewer.ReviewAllAsync([Passage(Lunch)]);

        var review = Assert.Single(summary.Reviews);
        Assert.Equal(ReviewStatus.Failed, review.Status);
        Assert.Equal(FailureKind.MalformedReply, review.Failure!.Kind);
        Assert.Equal(1, summary.Failed);
        Assert.Equal(1, summary.MalformedReplies);
        Assert.Equal(2, server.Calls);
        Assert.Equal(0, store.CountReviews());
    }

    [Fact]
    public async Task A_server_slower_than_the_time_limit_fails_the_passage_as_a_time_out()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer() with { Delay = TimeSpan.FromSeconds(30) });
        using var reviewer = Reviewer(server.Endpoint, o => o with { TimeoutSeconds = 1 });
        var review = await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(ReviewStatus.Failed, review.Status);
        Assert.Equal(FailureKind.Timeout, review.Failure!.Kind);
        Assert.Contains("niet binnen 1 seconden", review.Failure.Message);
        Assert.Contains("PolicyLens:Llm:TimeoutSeconds", review.Failure.Message);
    }

    [Fact]
    public async Task HTTP_429_is_retried_after_the_wait_the_server_asks_for()
    {
        await using var server = await FakeOpenAiServer.StartAsync((_, n) =>
            Task.FromResult(n <= 2 ? FakeReply.Code(429, retryAfter: "7") : Answer(("element", "herhaalde-ontmoetingen", "buurtlunch"))));
        var waits = new List<TimeSpan>();
        using var reviewer = Reviewer(server.Endpoint, waits: waits);
        var review = await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(ReviewStatus.Answered, review.Status);
        Assert.Equal(3, server.Calls);
        Assert.Equal([TimeSpan.FromSeconds(7), TimeSpan.FromSeconds(7)], waits);
    }

    [Fact]
    public async Task Without_Retry_After_the_back_off_doubles_on_every_429()
    {
        await using var server = await FakeOpenAiServer.StartAsync((_, n) => Task.FromResult(n <= 3 ? FakeReply.Code(429) : Answer()));
        var waits = new List<TimeSpan>();
        using var reviewer = Reviewer(server.Endpoint, o => o with { BackoffMilliseconds = 1000 }, waits: waits);
        await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(3, waits.Count);
        for (var i = 0; i < 3; i++)
        {
            var expected = 1000 * Math.Pow(2, i);
            Assert.InRange(waits[i].TotalMilliseconds, expected, expected * 1.2); // up to 20% jitter
        }
    }

    [Fact]
    public async Task A_server_that_keeps_answering_429_fails_the_passage_after_MaxRetries_with_a_Dutch_message()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => FakeReply.Code(429, retryAfter: "1"));
        using var reviewer = Reviewer(server.Endpoint, o => o with { MaxRetries = 2 });
        var review = await reviewer.ReviewAsync(Passage(Lunch));

        Assert.Equal(FailureKind.RateLimited, review.Failure!.Kind);
        Assert.Contains("te veel verzoeken", review.Failure.Message);
        Assert.Contains("MaxConcurrency", review.Failure.Message);
        Assert.Equal(3, server.Calls);
    }

    [Fact]
    public async Task A_connection_the_server_drops_is_tried_again_and_one_that_keeps_dropping_fails_only_its_passage()
    {
        await using var server = await FakeOpenAiServer.StartAsync((request, n) =>
            Task.FromResult(n == 1 || request.Passage.StartsWith("Kapot", StringComparison.Ordinal) ? FakeReply.Dropped : Answer()));
        using var reviewer = Reviewer(server.Endpoint, o => o with { MaxRetries = 2, MaxConcurrency = 1 });
        var summary = await reviewer.ReviewAllAsync([Passage(Lunch), Passage("Kapotte passage."), Passage("Nog een passage.")]);

        Assert.Null(summary.StoppedBy);
        Assert.Equal([ReviewStatus.Answered, ReviewStatus.Failed, ReviewStatus.Answered], summary.Reviews.Select(r => r.Status));
        Assert.Equal(FailureKind.ServerError, summary.Reviews[1].Failure!.Kind);
        Assert.Contains("onderbroken", summary.Reviews[1].Failure!.Message);
        Assert.Equal(2 + 3 + 1, server.Calls);
    }

    [Fact]
    public async Task A_server_that_is_down_stops_the_batch_with_a_clear_Dutch_message_and_throws_nothing()
    {
        var endpoint = FakeOpenAiServer.DownEndpoint();
        using var reviewer = Reviewer(endpoint);
        var summary = await reviewer.ReviewAllAsync([.. Enumerable.Range(1, 6).Select(i => Passage($"Passage {i} over ontmoeting."))]);

        Assert.Equal(FailureKind.Unreachable, summary.StoppedBy!.Kind);
        Assert.Contains("niet bereikbaar", summary.StoppedBy.Message);
        Assert.Contains("verbinding geweigerd", summary.StoppedBy.Message);
        Assert.Contains(endpoint, summary.StoppedBy.Message);
        Assert.Equal(6, summary.Skipped);
        Assert.Equal(0, summary.Failed);
        Assert.All(summary.Reviews, r => Assert.Empty(r.Labels));
    }

    [Fact]
    public async Task A_second_run_is_answered_from_the_cache_without_a_request()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer(("element", "herhaalde-ontmoetingen", "buurtlunch")));
        using var store = Memory();
        using var reviewer = Reviewer(server.Endpoint, cache: store);
        var passages = new[] { Passage(Lunch), Passage("Vrijwilligers bezoeken ouderen thuis: een buurtlunch volgt.") };
        var first = await reviewer.ReviewAllAsync(passages);
        var second = await reviewer.ReviewAllAsync(passages);

        Assert.Equal(2, first.Answered);
        Assert.Equal(2, server.Calls);
        Assert.Equal(2, second.Cached);
        Assert.Equal(0, second.Tokens);
        Assert.Equal(2, store.CountReviews());
        Assert.Equal(first.Reviews.Select(r => r.Labels.Single().Quote), second.Reviews.Select(r => r.Labels.Single().Quote));
    }

    [Fact]
    public async Task Another_model_or_another_prompt_asks_again()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer(("element", "herhaalde-ontmoetingen", "buurtlunch")));
        using var store = Memory();
        using (var reviewer = Reviewer(server.Endpoint, cache: store)) await reviewer.ReviewAsync(Passage(Lunch));
        using (var other = Reviewer(server.Endpoint, o => o with { Model = "other-model" }, cache: store)) await other.ReviewAsync(Passage(Lunch));
        var edited = ReviewPrompt.Parse(Prompt.SystemText + "\nBe brief.").Prompt!;
        using (var reprompted = new LlmReviewer(Options(server.Endpoint), edited, store)) await reprompted.ReviewAsync(Passage(Lunch));

        Assert.Equal(3, server.Calls);
        Assert.Equal(3, store.CountReviews());
    }

    [Fact]
    public async Task The_same_passage_twice_in_a_batch_is_asked_once()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer(("element", "herhaalde-ontmoetingen", "buurtlunch")));
        using var reviewer = Reviewer(server.Endpoint);
        var summary = await reviewer.ReviewAllAsync([Passage(Lunch), Passage("Iets anders over de buurtlunch."), Passage(Lunch)]);

        Assert.Equal(2, server.Calls);
        Assert.All(summary.Reviews, r => Assert.True(r.HasAnswer));
    }

    [Fact]
    public async Task The_reviewer_keeps_MaxConcurrency_requests_in_flight_and_no_more()
    {
        const int limit = 3;
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var arrived = 0;
        await using var server = await FakeOpenAiServer.StartAsync(async (_, _) =>
        {
            // Hold every request until `limit` are in flight together (or give up after a while).
            if (Interlocked.Increment(ref arrived) >= limit) gate.TrySetResult();
            await Task.WhenAny(gate.Task, Task.Delay(TimeSpan.FromSeconds(20)));
            return Answer();
        });
        using var reviewer = Reviewer(server.Endpoint, o => o with { MaxConcurrency = limit });
        var summary = await reviewer.ReviewAllAsync([.. Enumerable.Range(1, 12).Select(i => Passage($"Passage nummer {i}."))]);

        Assert.Equal(12, summary.Answered);
        Assert.Equal(limit, server.PeakInFlight);
    }

    [Fact]
    public async Task A_batch_reports_tokens_throughput_and_progress()
    {
        await using var server = await FakeOpenAiServer.StartAsync(_ => Answer() with { PromptTokens = 250, CompletionTokens = 30 });
        using var reviewer = Reviewer(server.Endpoint);
        var reports = new List<ReviewProgress>();
        var progress = new SynchronousProgress<ReviewProgress>(p => { lock (reports) reports.Add(p); });
        var summary = await reviewer.ReviewAllAsync([.. Enumerable.Range(1, 5).Select(i => Passage($"Passage nummer {i}."))], progress);

        Assert.Equal(5 * 250, summary.PromptTokens);
        Assert.Equal(5 * 30, summary.CompletionTokens);
        Assert.True(summary.PassagesPerSecond > 0);
        Assert.Equal(5, reports.Max(r => r.Done));
        Assert.Equal(5 * 280, reports.Max(r => r.Tokens));
        Assert.All(reports, r => Assert.Equal(5, r.Total));
    }

    [Fact]
    public async Task Cancelling_a_batch_marks_the_rest_skipped_instead_of_throwing()
    {
        using var cancel = new CancellationTokenSource();
        await using var server = await FakeOpenAiServer.StartAsync(async (_, n) =>
        {
            if (n == 2) await cancel.CancelAsync();
            return Answer();
        });
        using var reviewer = Reviewer(server.Endpoint, o => o with { MaxConcurrency = 1 });
        var summary = await reviewer.ReviewAllAsync([.. Enumerable.Range(1, 6).Select(i => Passage($"Passage nummer {i}."))], cancellationToken: cancel.Token);

        Assert.Equal(FailureKind.Cancelled, summary.StoppedBy!.Kind);
        Assert.True(summary.Skipped >= 4);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
