using System.Text;
using BenchmarkDotNet.Attributes;
using PolicyLens.Learning.Model;
using PolicyLens.Readers.Rules;
using PolicyLens.Tagging;

namespace PolicyLens.Benchmarks;

/// <summary>
/// Tagging throughput with the full shipped rule set, alone (the baseline) and combined with the
/// shipped learned model, in the same run: the development corpus texts repeated to about 10 MB
/// and cut into passages at blank lines and line breaks, tagged on one thread.
/// MB/s per core = <see cref="TextMegabytes"/> / mean time in seconds; the ratio column compares
/// the combined tagger with the rules alone. <see cref="LoadModel"/> is the start-up cost of the model.
/// Run: dotnet run -c Release --project benchmarks/PolicyLens.Benchmarks -- --filter '*Tagger*' --job short
/// </summary>
[MemoryDiagnoser]
public class TaggerBenchmarks
{
    private RuleTagger _tagger = null!;
    private ModelTagger _combined = null!;
    private string _modelPath = "";
    private TaggingInput[] _passages = [];

    /// <summary>Size of the tagged text in MB (UTF-16 characters / 2^20, i.e. roughly bytes of Dutch UTF-8).</summary>
    public static double TextMegabytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        _tagger = new RuleTagger(RuleSetLoader.LoadOrThrow(Path.Join(root, "rules")));
        _modelPath = ModelFile.DefaultPath(Path.Join(root, "rules"));
        _combined = TaggerSetup.Create(_tagger, _modelPath).Combined
            ?? throw new InvalidOperationException($"No usable model at {_modelPath}: run 'policylens train'.");
        var corpus = Path.Join(root, "..", "shared", "corpus", "dev");
        var texts = Directory.GetFiles(corpus, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => File.ReadAllText(f).Split("\n---", 2).Last())
            .ToArray();
        var passages = new List<TaggingInput>();
        long chars = 0;
        while (chars < 10L * 1024 * 1024)
            foreach (var text in texts)
                foreach (var piece in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    passages.Add(new TaggingInput(piece, ["Actieplan: samen tegen eenzaamheid"]));
                    chars += piece.Length;
                }
        _passages = passages.ToArray();
        TextMegabytes = chars / 1024.0 / 1024.0;
        Console.WriteLine($"// {passages.Count} passages, {TextMegabytes:0.00} MB, {_tagger.TermCount} terms, {_tagger.Labels.Count} labels, " +
                          $"model {_combined.ModelVersion} with {_combined.Model.Features.Count} features × {_combined.Model.Labels.Count} labels " +
                          $"({_combined.Model.Features.Count * _combined.Model.Labels.Count * 4 / 1024} KB of weights)");
    }

    [Benchmark(Baseline = true)]
    public int TagTenMegabytes()
    {
        var tags = 0;
        foreach (var passage in _passages) tags += _tagger.Tag(passage).Count;
        return tags;
    }

    [Benchmark]
    public int TagTenMegabytesWithModel()
    {
        var tags = 0;
        foreach (var passage in _passages) tags += _combined.Tag(passage).Count;
        return tags;
    }

    /// <summary>The rules plus the model's features and probabilities, without decisions or evidence: where the model's time goes.</summary>
    [Benchmark]
    public double ScoreTenMegabytesWithModel()
    {
        var sum = 0.0;
        foreach (var passage in _passages) sum += _combined.Probabilities(passage, _tagger.Tag(passage))[0];
        return sum;
    }

    /// <summary>Reading the model file and building its tagger, as the app and CLI do at start-up.</summary>
    [Benchmark]
    public int LoadModel() => TaggerSetup.Create(_tagger, _modelPath).Combined!.Model.Features.Count;

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Join(dir.FullName, "PolicyLens.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }
}
