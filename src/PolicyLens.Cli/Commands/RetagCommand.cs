using System.CommandLine;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens retag [--db FILE] [--rules DIR]</c>: tags every stored plan again with the current
/// rules and records a new analysis run for each, so reports say which rule set made them.
/// Plans already tagged with this rule-set version are left alone.
/// </summary>
internal static class RetagCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var db = StoreAccess.DbOption();
        var rules = RulesLocation.Option();
        var command = new Command("retag", "Tag the stored plans again after the rules changed.") { db, rules };
        command.SetAction((parse, cancellationToken) =>
        {
            var tagger = RulesLocation.LoadSetup(parse.GetValue(rules), stderr)?.Tagger;
            if (tagger is null) return Task.FromResult(1);
            using var store = StoreAccess.Open(parse.GetValue(db), stderr);
            if (store is null) return Task.FromResult(1);
            try
            {
                var result = store.Retag(tagger, cancellationToken);
                stdout.WriteLine($"{result.DocumentsRetagged} plannen opnieuw getagd met regelset {result.RuleSetVersion} ({result.PassagesTagged} passages); {result.DocumentsSkipped} waren al bijgewerkt.");
                return Task.FromResult(0);
            }
            catch (OperationCanceledException)
            {
                stderr.WriteLine("policylens: retag afgebroken; de plannen die al opnieuw getagd zijn houden hun nieuwe analyse. Voer de opdracht opnieuw uit voor de rest.");
                return Task.FromResult(1);
            }
            catch (Storage.PlanStoreException ex)
            {
                stderr.WriteLine(StoreAccess.DatabaseProblem(ex));
                return Task.FromResult(1);
            }
        });
        return command;
    }
}
