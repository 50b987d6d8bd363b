using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PolicyLens.Coverage;

namespace PolicyLens.Report;

/// <summary>
/// A <see cref="PlanDiff"/> for <c>policylens diff</c>: Dutch text for a terminal, or JSON with
/// snake_case keys (<c>gained</c>, <c>lost</c> as "dimension:id" lists, <c>status_changes</c>,
/// <c>checks_now_passing</c>, <c>checks_now_failing</c>, <c>passages_added</c>,
/// <c>passages_removed</c>, <c>passages_changed</c>).
/// </summary>
public static class PlanDiffRenderer
{
    public static string Json(PlanDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            Plan(w, "old", diff.Old);
            Plan(w, "new", diff.New);
            Keys(w, "gained", diff.Gained);
            Keys(w, "lost", diff.Lost);
            w.WriteStartArray("status_changes");
            foreach (var c in diff.StatusChanges)
            {
                w.WriteStartObject();
                w.WriteString("label", c.Key);
                w.WriteString("name", c.Label.Name);
                w.WriteString("from", ReportText.Status(c.OldStatus));
                w.WriteString("to", ReportText.Status(c.NewStatus));
                w.WriteNumber("passages_from", c.OldCounts.Text);
                w.WriteNumber("passages_to", c.NewCounts.Text);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            Checks(w, "checks_now_passing", diff.Checks.Where(c => c.NowPassing));
            Checks(w, "checks_now_failing", diff.Checks.Where(c => c.NowFailing));
            w.WriteStartArray("passages_added");
            foreach (var p in diff.Added) Passage(w, p.New!, p.NewTags);
            w.WriteEndArray();
            w.WriteStartArray("passages_removed");
            foreach (var p in diff.Removed) Passage(w, p.Old!, p.LostTags);
            w.WriteEndArray();
            w.WriteStartArray("passages_changed");
            foreach (var p in diff.Changed)
            {
                w.WriteStartObject();
                w.WriteNumber("old_ordinal", p.Old!.Passage.Ordinal);
                w.WriteNumber("new_ordinal", p.New!.Passage.Ordinal);
                if (p.New.Passage.Page is { } page) w.WriteNumber("page", page); else w.WriteNull("page");
                w.WriteString("old_text", p.Old.Passage.Text);
                w.WriteString("new_text", p.New.Passage.Text);
                w.WriteStartArray("edits");
                foreach (var e in p.Edits)
                {
                    w.WriteStartObject();
                    w.WriteString("op", e.Op switch { DiffOp.Inserted => "inserted", DiffOp.Deleted => "deleted", _ => "equal" });
                    w.WriteString("text", e.Text);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
                Keys(w, "new_tags", p.NewTags.Select(t => LabelKeys.Of(t.Dimension, t.Label)));
                Keys(w, "lost_tags", p.LostTags.Select(t => LabelKeys.Of(t.Dimension, t.Label)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteNumber("unchanged_passages", diff.UnchangedPassages);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Plan(Utf8JsonWriter w, string name, PlanInfo plan)
    {
        w.WriteStartObject(name);
        if (plan.DocumentId is { } id) w.WriteNumber("document_id", id); else w.WriteNull("document_id");
        w.WriteString("title", plan.Title);
        w.WriteString("file_name", plan.FileName);
        w.WriteEndObject();
    }

    private static void Keys(Utf8JsonWriter w, string name, IEnumerable<string> keys)
    {
        w.WriteStartArray(name);
        foreach (var key in keys) w.WriteStringValue(key);
        w.WriteEndArray();
    }

    private static void Checks(Utf8JsonWriter w, string name, IEnumerable<CheckChange> checks)
    {
        w.WriteStartArray(name);
        foreach (var c in checks)
        {
            w.WriteStartObject();
            w.WriteString("id", c.Id);
            w.WriteString("title", c.Title);
            w.WriteString("from", ReportText.CheckStatus(c.OldStatus));
            w.WriteString("to", ReportText.CheckStatus(c.NewStatus));
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    private static void Passage(Utf8JsonWriter w, TaggedPassage passage, IReadOnlyList<Tagging.PassageTag> tags)
    {
        w.WriteStartObject();
        w.WriteNumber("ordinal", passage.Passage.Ordinal);
        if (passage.Passage.Page is { } page) w.WriteNumber("page", page); else w.WriteNull("page");
        w.WriteString("heading_path", PlanReportBuilder.HeadingPath(passage.Passage));
        w.WriteString("text", passage.Passage.Text);
        Keys(w, "tags", tags.Select(t => LabelKeys.Of(t.Dimension, t.Label)));
        w.WriteEndObject();
    }

    /// <summary>The changes in Dutch, for a terminal: what is new, what is gone, statuses, checks, then the passages.</summary>
    public static string Text(PlanDiff diff, Func<string, string> labelName)
    {
        ArgumentNullException.ThrowIfNull(diff);
        ArgumentNullException.ThrowIfNull(labelName);
        var t = new StringBuilder();
        t.Append("Van: ").AppendLine(Name(diff.Old)).Append("Naar: ").AppendLine(Name(diff.New)).AppendLine();
        t.AppendLine(Summary(diff)).AppendLine();
        if (diff.Identical) return t.ToString();
        Section(t, "Nieuw in het plan", diff.Gained.Select(k => $"{labelName(k)} ({k})"));
        Section(t, "Niet meer in het plan", diff.Lost.Select(k => $"{labelName(k)} ({k})"));
        Section(t, "Stand veranderd", diff.StatusChanges.Where(c => !c.Gained && !c.Lost)
            .Select(c => $"{c.Label.Name}: {ReportText.Status(c.OldStatus)} → {ReportText.Status(c.NewStatus)}"));
        Section(t, "Controles nu in orde", diff.Checks.Where(c => c.NowPassing).Select(c => c.Title));
        Section(t, "Controles nu niet in orde", diff.Checks.Where(c => c.NowFailing).Select(c => c.Title));
        Section(t, "Toegevoegde passages", diff.Added.Select(p => Line(p.New!, p.NewTags, labelName)));
        Section(t, "Verwijderde passages", diff.Removed.Select(p => Line(p.Old!, [], labelName)));
        Section(t, "Gewijzigde passages", diff.Changed.Select(p =>
            Line(p.New!, p.NewTags, labelName, string.Concat(p.Edits.Select(e => e.Op switch
            {
                DiffOp.Inserted => "[+" + e.Text.TrimEnd() + "+]" + Trailing(e.Text),
                DiffOp.Deleted => "[-" + e.Text.TrimEnd() + "-]" + Trailing(e.Text),
                _ => e.Text,
            })))));
        return t.ToString();
    }

    /// <summary>"3 labels erbij, 1 weg, 4 standen veranderd; 12 passages toegevoegd, 3 verwijderd, 5 gewijzigd."</summary>
    public static string Summary(PlanDiff diff)
    {
        ArgumentNullException.ThrowIfNull(diff);
        if (diff.Identical) return "Geen verschillen: dezelfde passages, labels en controles.";
        var statuses = diff.StatusChanges.Count(c => !c.Gained && !c.Lost);
        return $"{Count(diff.Gained.Count, "label", "labels")} erbij, {diff.Lost.Count} weg, {Count(statuses, "stand", "standen")} veranderd; " +
            $"{Count(diff.Added.Count(), "passage", "passages")} toegevoegd, {diff.Removed.Count()} verwijderd, {diff.Changed.Count()} gewijzigd " +
            $"({diff.UnchangedPassages} gelijk gebleven).";
    }

    private static string Count(int n, string one, string many) => $"{n} {(n == 1 ? one : many)}";

    private static string Trailing(string text) => text[text.TrimEnd().Length..];

    private static string Name(PlanInfo plan) => $"{plan.Title} ({plan.FileName}{(plan.DocumentId is { } id ? $", document {id}" : "")})";

    private static void Section(StringBuilder t, string title, IEnumerable<string> lines)
    {
        var list = lines.ToList();
        if (list.Count == 0) return;
        t.Append(title).Append(" (").Append(list.Count).AppendLine("):");
        foreach (var line in list) t.Append("  - ").AppendLine(line);
        t.AppendLine();
    }

    private static string Line(TaggedPassage passage, IReadOnlyList<Tagging.PassageTag> tags, Func<string, string> labelName, string? text = null)
    {
        var where = ReportText.Location(PlanReportBuilder.Ref(passage.Passage));
        var line = $"{where}: {OneLine(text ?? passage.Passage.Text)}";
        if (tags.Count > 0) line += $" [nieuw: {string.Join(", ", tags.Select(x => labelName(LabelKeys.Of(x.Dimension, x.Label))))}]";
        return line;
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
