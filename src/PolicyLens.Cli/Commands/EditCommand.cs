using System.CommandLine;
using PolicyLens.Storage;

namespace PolicyLens.Cli.Commands;

/// <summary>
/// <c>policylens edit ID [--title TEXT] [--municipality NAME] [--db FILE]</c>: corrects the title or
/// municipality of a stored plan (an empty --municipality clears it). Exit 0 when saved, 1 for an
/// unknown id, 2 when neither option is given.
/// </summary>
internal static class EditCommand
{
    public const int MaxTitle = 300;
    public const int MaxMunicipality = 100;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var id = new Argument<long>("id") { Description = "The stored document (see 'policylens list')." };
        var title = new Option<string?>("--title") { Description = "The new title." };
        var municipality = new Option<string?>("--municipality") { Description = "The new municipality; an empty value clears it." };
        var db = StoreAccess.DbOption();
        var command = new Command("edit", "Correct the title or municipality of a stored plan.") { id, title, municipality, db };
        command.SetAction(parse => StoreAccess.Guard(stderr, () => Run(parse.GetValue(id), parse.GetValue(title), parse.GetValue(municipality),
            parse.GetResult(municipality) is not null, parse.GetValue(db), stdout, stderr)));
        return command;
    }

    internal static int Run(long id, string? title, string? municipality, bool municipalityGiven, string? db, TextWriter stdout, TextWriter stderr)
    {
        if (title is null && !municipalityGiven)
        {
            stderr.WriteLine("policylens: geef --title of --municipality (of beide) om iets aan te passen.");
            return Program.UsageError;
        }
        if (title is not null && (title.Trim().Length == 0 || title.Trim().Length > MaxTitle))
        {
            stderr.WriteLine($"policylens: --title mag niet leeg zijn en hoogstens {MaxTitle} tekens hebben.");
            return Program.UsageError;
        }
        if (municipality?.Trim().Length > MaxMunicipality)
        {
            stderr.WriteLine($"policylens: --municipality heeft hoogstens {MaxMunicipality} tekens.");
            return Program.UsageError;
        }
        using var store = StoreAccess.Open(db, stderr);
        if (store is null) return 1;
        if (store.FindDocument(id) is not { } document)
        {
            stderr.WriteLine($"policylens: er is geen document {id}; zie 'policylens list'.");
            return 1;
        }
        store.UpdateDetails(id, title ?? document.Title, municipalityGiven ? municipality : document.Municipality);
        var saved = store.FindDocument(id)!;
        stdout.WriteLine($"Document {id} aangepast: titel ‘{saved.Title}’, gemeente {(saved.Municipality is { } m ? $"‘{m}’" : "onbekend")}.");
        return 0;
    }
}
