namespace PolicyLens.Tagging;

/// <summary>
/// Aho–Corasick automaton over folded words (a–z, 0–9, in-word apostrophe), compiled into a
/// dense transition table so that scanning costs one table lookup per character whatever the
/// number of patterns. Immutable after construction, hence safe to share between threads.
/// </summary>
internal sealed class AhoCorasick
{
    public const int AlphabetSize = 37;
    private static readonly sbyte[] SymbolTable = BuildSymbols();

    private readonly int[] _delta;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;

    public AhoCorasick(IReadOnlyList<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        PatternLengths = patterns.Select(p => p.Length).ToArray();
        var children = new List<int[]> { NewNode() };
        var own = new List<List<int>> { new() };
        for (var p = 0; p < patterns.Count; p++)
        {
            var state = 0;
            foreach (var c in patterns[p])
            {
                var s = Symbol(c);
                if (s < 0) throw new ArgumentException($"Pattern '{patterns[p]}' holds a character outside the folded alphabet.", nameof(patterns));
                if (children[state][s] < 0)
                {
                    children[state][s] = children.Count;
                    children.Add(NewNode());
                    own.Add(new());
                }
                state = children[state][s];
            }
            own[state].Add(p);
        }

        var count = children.Count;
        _delta = new int[count * AlphabetSize];
        var fail = new int[count];
        var outputs = new List<int>[count];
        outputs[0] = own[0];
        var queue = new Queue<int>();
        for (var s = 0; s < AlphabetSize; s++)
        {
            var child = children[0][s];
            if (child < 0) _delta[s] = 0;
            else
            {
                _delta[s] = child;
                fail[child] = 0;
                queue.Enqueue(child);
            }
        }
        while (queue.Count > 0)
        {
            var state = queue.Dequeue();
            outputs[state] = [.. own[state], .. outputs[fail[state]] ?? []];
            for (var s = 0; s < AlphabetSize; s++)
            {
                var child = children[state][s];
                if (child < 0) _delta[state * AlphabetSize + s] = _delta[fail[state] * AlphabetSize + s];
                else
                {
                    fail[child] = _delta[fail[state] * AlphabetSize + s];
                    _delta[state * AlphabetSize + s] = child;
                    queue.Enqueue(child);
                }
            }
        }
        _outputStart = new int[count + 1];
        var flat = new List<int>();
        for (var s = 0; s < count; s++)
        {
            _outputStart[s] = flat.Count;
            // Longest pattern first, so callers see the most specific candidate first.
            flat.AddRange((outputs[s] ?? []).OrderByDescending(p => PatternLengths[p]).ThenBy(p => p));
        }
        _outputStart[count] = flat.Count;
        _outputs = flat.ToArray();
        StateCount = count;
    }

    public int StateCount { get; }
    public int[] PatternLengths { get; }

    private static int[] NewNode()
    {
        var node = new int[AlphabetSize];
        Array.Fill(node, -1);
        return node;
    }

    private static sbyte[] BuildSymbols()
    {
        var table = new sbyte[128];
        Array.Fill(table, (sbyte)-1);
        for (var c = 'a'; c <= 'z'; c++) table[c] = (sbyte)(c - 'a');
        for (var c = '0'; c <= '9'; c++) table[c] = (sbyte)(26 + c - '0');
        table['\''] = 36;
        return table;
    }

    public static int Symbol(char folded) => folded < 128 ? SymbolTable[folded] : -1;

    /// <summary>Next state from <paramref name="state"/> on a folded character (root on anything outside the alphabet).</summary>
    public int Step(int state, char folded)
    {
        var s = Symbol(folded);
        return s < 0 ? 0 : _delta[state * AlphabetSize + s];
    }

    /// <summary>Patterns that end at a state (as a slice of the shared output array).</summary>
    public ReadOnlySpan<int> OutputsOf(int state) => _outputs.AsSpan(_outputStart[state], _outputStart[state + 1] - _outputStart[state]);
}
