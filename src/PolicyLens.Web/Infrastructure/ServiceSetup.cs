using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using PolicyLens.Checks;
using PolicyLens.Coverage;
using PolicyLens.Documents;
using PolicyLens.Readers.Documents;
using PolicyLens.Readers.Pdf;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>Service registration and the request pipeline, kept out of Program.cs so both read top to bottom.</summary>
public static class ServiceSetup
{
    /// <summary>Where PolicyLens listens when neither ASPNETCORE_URLS, --urls, Urls nor ASPNETCORE_HTTP_PORTS says: this computer only.</summary>
    public const string DefaultUrl = "http://127.0.0.1:5080";

    /// <summary>
    /// Hosting as ASP.NET Core users know it: the standard ways to choose the address all work,
    /// because the loopback default applies only when none of them is set; outside Development the
    /// build's static-files manifest is used too, so a build started from any folder has its CSS;
    /// and the console reads as plain lines.
    /// </summary>
    public static WebApplicationBuilder UsePolicyLensHosting(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        UseCheckoutSettings(builder);
        var addressGiven = new[] { "urls", "http_ports", "https_ports" }.Any(key => !string.IsNullOrWhiteSpace(configuration[key]))
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        if (!addressGiven) builder.WebHost.UseUrls(DefaultUrl);
        // Development loads it already. A published app has no manifest (its wwwroot sits beside it) and this is a no-op.
        if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        // No "Server: Kestrel" header: nothing to gain from telling the world what runs here.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.Logging.AddConsole(o => o.FormatterName = ConsoleLines.Name).AddConsoleFormatter<ConsoleLines, ConsoleFormatterOptions>();
        return builder;
    }

    /// <summary>
    /// Inside a checkout its own appsettings.json counts, not the copy the build put beside the
    /// program, so an edit works without a rebuild (the CLI reads it the same way). It keeps its
    /// place among the sources: environment variables and the command line still override it.
    /// </summary>
    private static void UseCheckoutSettings(WebApplicationBuilder builder)
    {
        if (Checkout.FindRoot(builder.Environment.ContentRootPath) is not { } root || !File.Exists(Path.Join(root, "appsettings.json"))) return;
        var sources = builder.Configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is not Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path: "appsettings.json" }) continue;
            var checkout = new Microsoft.Extensions.Configuration.Json.JsonConfigurationSource { Path = Path.Join(root, "appsettings.json"), Optional = true };
            checkout.ResolveFileProvider(); // an absolute path needs its own file provider, not the content root's
            sources[i] = checkout;
            return;
        }
    }

    public static IServiceCollection AddPolicyLens(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddOptions<PolicyLensOptions>()
            .Bind(configuration.GetSection(PolicyLensOptions.Section))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<PolicyLensOptions>, PolicyLensOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new AppPaths(sp.GetRequiredService<IOptions<PolicyLensOptions>>().Value, contentRoot));
        services.AddSingleton(sp => new RulesHolder(sp.GetRequiredService<AppPaths>().RulesPath, sp.GetRequiredService<AppPaths>().ModelPath,
            sp.GetRequiredService<IOptions<PolicyLensOptions>>().Value.UseModel));
        services.AddSingleton<IPlanStore>(sp => SqlitePlanStore.Open(new SqliteStoreOptions(sp.GetRequiredService<AppPaths>().DatabasePath)
        {
            KeepRuns = sp.GetRequiredService<IOptions<PolicyLensOptions>>().Value.KeepAnalysisRuns,
        }));
        services.AddSingleton(sp => PdfOptions(sp.GetRequiredService<IOptions<PolicyLensOptions>>().Value));
        services.AddSingleton<IDocumentIngestor>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<PolicyLensOptions>>().Value;
            var pdf = sp.GetRequiredService<PdfReaderOptions>();
            // Reading may take the PDF engine's limit plus a margin for building passages.
            var ingestion = new IngestionOptions
            {
                MaxFileSizeBytes = o.MaxUploadBytes,
                ReaderTimeLimit = pdf.IngestionTimeLimit,
            };
            return DefaultReaders.CreateIngestor(ingestion, pdf: pdf);
        });
        services.AddSingleton(sp => new PlanLibrary(sp.GetRequiredService<IDocumentIngestor>(), sp.GetRequiredService<RulesHolder>().Tagger,
            sp.GetRequiredService<IPlanStore>(), new PlanLibraryOptions { MaxParallelism = 1 }));
        // The plan checks of rules/checks, compiled once; broken or unsafe checks stop the app (see StartupCheck).
        services.AddSingleton<IPlanChecker>(sp => CheckSetLoader.LoadOrThrow(Path.Join(sp.GetRequiredService<AppPaths>().RulesPath, "checks")));
        services.AddSingleton<ICoverageAnalyzer>(sp => new CoverageAnalyzer(checker: sp.GetRequiredService<IPlanChecker>()));
        services.AddSingleton<IPlanComparer>(_ => new PlanComparer());
        services.AddSingleton<CoverageService>();
        services.AddSingleton<IngestionQueue>();
        // Jobs are stored with the plans when the store can hold them (a test's stand-in store may not).
        services.AddSingleton(sp => new JobRegistry(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<JobRegistry>>(),
            sp.GetRequiredService<IPlanStore>() as IJobStore));
        services.AddSingleton<IUploadFiles, DiskUploadFiles>();
        services.AddSingleton<UploadService>();
        services.AddSingleton<RetagService>();
        services.AddSingleton<EngineStatus>();
        services.AddSingleton<ComparisonSelection>();
        services.AddSingleton<ImportJobs>();
        services.AddSingleton<ImportService>();
        services.AddSingleton<ExportService>();
        services.AddSecondOpinion(configuration);
        // Order matters: the start-up check runs first, so broken rules stop the app before anything else starts.
        services.AddHostedService<StartupCheck>();
        services.AddHostedService<StartupSummary>();
        services.AddHostedService<IngestionWorker>();
        services.AddHostedService<ImportWorker>();
        services.AddHostedService<CacheWarmer>();
        services.AddHostedService<MemoryTrimmer>();
        services.AddSingleton<DemoDataSeeder>();
        services.AddHostedService(sp => sp.GetRequiredService<DemoDataSeeder>());
        // Dutch letters (ë, ï, é) and typographic signs stay readable in the HTML source; markup is still encoded.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = long.MaxValue);
        services.AddHostFiltering(configuration);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "PolicyLens.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
        });
        return services;
    }

    /// <summary>The host names answered when AllowedHosts is not set: loopback only, like the default listen address.</summary>
    public static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>
    /// Answers only requests for the configured host names (the standard <c>AllowedHosts</c> key,
    /// names separated by ';', "*.example.nl" wildcards allowed; "*" switches the check off), and
    /// for loopback names when none are configured. Without it, DNS rebinding let a web page the
    /// user visits talk to PolicyLens on 127.0.0.1 under its own host name: export every plan,
    /// delete one. Other hosts get 400.
    /// </summary>
    private static void AddHostFiltering(this IServiceCollection services, IConfiguration configuration) =>
        // Configure runs before the framework's own PostConfigure, which only fills in "*" when nothing is set.
        services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o =>
        {
            var configured = configuration["AllowedHosts"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            o.AllowedHosts = configured is { Length: > 0 } ? configured : LoopbackHosts;
            o.AllowEmptyHosts = false;
            o.IncludeFailureMessage = true;
        });

    public static PdfReaderOptions PdfOptions(PolicyLensOptions o) => new()
    {
        PopplerDirectory = string.IsNullOrWhiteSpace(o.PopplerPath) ? null : o.PopplerPath,
        TimeLimit = TimeSpan.FromSeconds(o.PopplerTimeoutSeconds),
        PdfPigWorkerPath = string.IsNullOrWhiteSpace(o.PdfPigWorkerPath) ? null : o.PdfPigWorkerPath,
        Ocr = new PdfOcrOptions
        {
            Enabled = o.Ocr.Enabled,
            TesseractDirectory = string.IsNullOrWhiteSpace(o.Ocr.TesseractPath) ? null : o.Ocr.TesseractPath,
            Languages = string.IsNullOrWhiteSpace(o.Ocr.Languages) ? "nld+eng" : o.Ocr.Languages,
            MaxPages = Math.Max(1, o.Ocr.MaxPages),
        },
    };

    public static WebApplication UsePolicyLensPipeline(this WebApplication app)
    {
        // The web host adds host filtering first in the pipeline when AllowedHosts is set; this
        // makes sure it runs with the loopback default too (a second pass would be harmless).
        app.UseHostFiltering();
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/fout");
        app.UseStatusCodePagesWithReExecute("/fout/{0}");
        app.UseUploadLimits();
        app.UseStaticFiles();
        app.UseRouting();
        return app;
    }

    /// <summary>
    /// The upload form may send at most every file at its limit. A bigger request is refused from
    /// its Content-Length before its body is read, with the friendly 413 page; Kestrel's own limit
    /// is set to the same size for requests that do not announce their length.
    /// </summary>
    private static void UseUploadLimits(this WebApplication app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/upload"))
            {
                var limit = context.RequestServices.GetRequiredService<UploadService>().MaxRequestBytes;
                if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
                if (context.Request.ContentLength > limit)
                {
                    context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                    return;
                }
            }
            await next(context);
        });

    public static WebApplication MapPolicyLensEndpoints(this WebApplication app)
    {
        app.MapGet("/taken/{id}/status", (string id, JobRegistry jobs, HttpContext context) =>
        {
            var job = jobs.Find(id);
            if (job is null || !job.IsVisibleTo(ClientIdentity.Browser(context))) return Results.NotFound();
            return Results.Json(new
            {
                done = job.Files.Count(f => f.Done),
                total = job.Files.Count,
                next = $"/taken/{job.Id}",
            });
        });
        app.MapGet("/documenten/{id:long}/export/{format}", (long id, string format, string? bijlage, ExportService exports) =>
        {
            try
            {
                return exports.Plan(id, format, bijlage is "1" or "ja") is { } file ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound();
            }
            catch (PolicyLens.Readers.Export.ReportConversionException ex)
            {
                // No PDF engine or a failed conversion: say so in Dutch and point to the Word report.
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        app.MapGet("/vergelijken/export/{format}", (string format, HttpRequest request, ExportService exports) =>
        {
            try
            {
                return exports.Comparison(ComparisonQuery.From(request.Query), format, request.Query["scheiding"], request.Query["decimaal"]) is { } file
                    ? Results.File(file.Content, file.ContentType, file.FileName) : Results.NotFound();
            }
            catch (ArgumentException ex)
            {
                return Results.Text(ex.Message, "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
            }
        });
        return app;
    }
}

/// <summary>
/// Resolves the services that must work before the app serves anything: the rule set (broken
/// rules stop the app with the problems listed by file, line and rule id), the plan checks (the
/// same message as <c>policylens rules check</c>: file, RuleName, position) and the database.
/// </summary>
public sealed class StartupCheck(IServiceProvider services, ILogger<StartupCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var paths = services.GetRequiredService<AppPaths>();
        try
        {
            var rules = services.GetRequiredService<RulesHolder>(); // the start-up summary names rules and model once the server listens
            if (!rules.Model.InUse) log.LogWarning("Learned model not in use: {Problem}", rules.Model.Problem);
        }
        catch (PolicyLens.Readers.Rules.RuleSetLoadException ex)
        {
            log.LogCritical("PolicyLens cannot start because the rules in {Path} are invalid.{NewLine}{Problems}", paths.RulesPath, Environment.NewLine, ex.Message);
            throw new InvalidOperationException($"PolicyLens cannot start: the rules in {paths.RulesPath} are invalid. Run 'policylens rules check' for details.{Environment.NewLine}{ex.Message}", ex);
        }
        try
        {
            var checks = services.GetRequiredService<IPlanChecker>();
            log.LogInformation("{Count} plan checks from {Path}", checks.Checks.Count, Path.Join(paths.RulesPath, "checks"));
        }
        catch (CheckSetLoadException ex)
        {
            log.LogCritical("PolicyLens cannot start because the plan checks in {Path} are invalid.{NewLine}{Problems}", Path.Join(paths.RulesPath, "checks"), Environment.NewLine, ex.Message);
            throw new InvalidOperationException($"PolicyLens cannot start: the plan checks in {Path.Join(paths.RulesPath, "checks")} are invalid. Run 'policylens rules check' for details.{Environment.NewLine}{ex.Message}", ex);
        }
        var status = services.GetRequiredService<IPlanStore>().Status(); // opens and migrates the database before anything uses it
        log.LogInformation("Database {Path} (schema {Schema}): {Documents} documents", status.DatabasePath, status.SchemaVersion, status.Documents);
        // Uploads that were waiting when the server stopped are read now; copies of no job are removed.
        var resumed = services.GetRequiredService<JobRegistry>().Restore();
        var queue = services.GetRequiredService<IngestionQueue>();
        foreach (var job in resumed) queue.EnqueueSystem(job);
        RemoveLeftoverUploads(paths.UploadFolder, [.. resumed.SelectMany(j => j.Files).Where(f => f.State == FileState.Wachtend).Select(f => Path.GetFullPath(f.TempPath))]);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Upload copies that no restored job waits for (a crash during the copy, a job given up) take space for nothing.</summary>
    private void RemoveLeftoverUploads(string folder, HashSet<string> waiting)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder, "*.upload"))
        {
            if (waiting.Contains(Path.GetFullPath(file))) continue;
            try
            {
                File.Delete(file);
            }
            catch (IOException ex)
            {
                log.LogWarning("Could not remove leftover upload {File}: {Message}", file, ex.Message);
            }
        }
    }
}
