using System.Reflection;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using PolicyLens.Storage;

namespace PolicyLens.Web.Infrastructure;

/// <summary>
/// Once the server listens, says in a few Dutch lines what someone starting PolicyLens needs to
/// know: the address to open, the database, the rule set, which optional engines work, and how
/// to stop. The engine probes start processes, so this runs after the first page can be served.
/// </summary>
public sealed class StartupSummary(IServer server, IHostApplicationLifetime lifetime, IHostEnvironment environment, RulesHolder rules,
    IPlanStore store, EngineStatus engines, ILogger<StartupSummary> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() => _ = Task.Run(() =>
        {
            try
            {
                foreach (var line in Lines()) log.LogInformation("{Line}", line);
            }
            catch (Exception ex)
            {
                // A summary that cannot be made must not stop a server that works.
                log.LogWarning(ex, "Could not write the start-up summary");
            }
        }));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The summary, one line each; the addresses are empty under a test server.</summary>
    public IReadOnlyList<string> Lines()
    {
        var version = typeof(StartupSummary).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "";
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? [];
        var status = store.Status();
        var lines = new List<string>
        {
            addresses.Length == 0
                ? $"PolicyLens {version} is gestart."
                : $"PolicyLens {version} draait op {string.Join(" en ", addresses)} — open dit adres in de browser; stoppen met Ctrl+C.",
            $"Database: {status.DatabasePath} ({status.Documents} {(status.Documents == 1 ? "plan" : "plannen")})",
            $"Regels:   {rules.RulesPath} (regelset {rules.RuleSet.Version}, {rules.Labels.Count} labels)",
            rules.Model.InUse
                ? $"Model:    {rules.Model.Path} (geleerd model {rules.Model.Version}, naast de regels{(rules.Model.Warning is null ? "" : "; let op: " + rules.Model.Warning)})"
                : $"Model:    niet in gebruik, alleen de regels taggen ({rules.Model.Problem})",
        };
        foreach (var engine in engines.Lines()) lines.Add($"{engine.Name + ":",-9} {engine.Detail}");
        if (!environment.IsProduction()) lines.Add($"Omgeving: {environment.EnvironmentName}");
        return lines;
    }
}
