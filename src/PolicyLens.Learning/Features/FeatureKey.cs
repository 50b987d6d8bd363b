namespace PolicyLens.Learning.Features;

/// <summary>
/// 64-bit FNV-1a hash of a feature's readable key ("w:ontmoet", "h:eenzam"). The model file keeps
/// the readable keys; tagging computes the same hash straight from the folded text, so a passage
/// is featurised without allocating a string per word.
/// </summary>
internal static class FeatureKey
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    public static ulong Hash(ReadOnlySpan<char> key)
    {
        var h = Offset;
        foreach (var c in key)
        {
            h ^= c;
            h *= Prime;
        }
        return h;
    }

    public static ulong Hash(string key) => Hash(key.AsSpan());
}

/// <summary>
/// Builds one feature key at a time in a reusable buffer ("prefix" + parts), so featurising
/// allocates nothing per word. Not thread-safe: one per featurising call.
/// </summary>
internal sealed class KeyBuffer
{
    private char[] _chars = new char[128];
    private int _length;

    public KeyBuffer Start(string prefix)
    {
        _length = 0;
        return Append(prefix);
    }

    public KeyBuffer Append(ReadOnlySpan<char> part)
    {
        if (_length + part.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + part.Length));
        part.CopyTo(_chars.AsSpan(_length));
        _length += part.Length;
        return this;
    }

    public KeyBuffer Append(char c)
    {
        if (_length == _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
        _chars[_length++] = c;
        return this;
    }

    public ReadOnlySpan<char> Span => _chars.AsSpan(0, _length);

    public ulong Hash() => FeatureKey.Hash(Span);

    public override string ToString() => new(Span);
}
