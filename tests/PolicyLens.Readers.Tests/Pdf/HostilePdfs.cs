using System.IO.Compression;
using System.Text;

namespace PolicyLens.Readers.Tests.Pdf;

/// <summary>
/// Builds hostile PDFs in test code (nothing binary is committed): each is a small, well-formed file
/// except for the one thing that attacks a reader.
/// </summary>
internal static class HostilePdfs
{
    /// <summary>A PDF from object bodies (object i+1 = bodies[i]) with a correct xref table.</summary>
    public static byte[] Build(params byte[][] bodies)
    {
        var output = new MemoryStream();
        void Write(string s) => output.Write(Encoding.Latin1.GetBytes(s));
        Write("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var offsets = new List<long>();
        for (var i = 0; i < bodies.Length; i++)
        {
            offsets.Add(output.Position);
            Write($"{i + 1} 0 obj\n");
            output.Write(bodies[i]);
            Write("\nendobj\n");
        }
        var xref = output.Position;
        Write($"xref\n0 {bodies.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) Write($"{o:D10} 00000 n \n");
        Write($"trailer\n<< /Size {bodies.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return output.ToArray();
    }

    public static byte[] Obj(string text) => Encoding.Latin1.GetBytes(text);

    public static byte[] Stream(string dictionary, byte[] data) =>
        [.. Obj($"<< {dictionary} /Length {data.Length} >>\nstream\n"), .. data, .. Obj("\nendstream")];

    private const string Font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

    /// <summary>A one-page plan with a sentence of text (the control: it must keep working).</summary>
    public static byte[] Good() => Build(
        Obj("<< /Type /Catalog /Pages 2 0 R >>"),
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Stream("", Obj("BT /F1 12 Tf 72 720 Td (De gemeente opent een ontmoetingsplek voor eenzame ouderen in elke wijk.) Tj ET")),
        Obj(Font));

    /// <summary>Random bytes behind a PDF header.</summary>
    public static byte[] Random()
    {
        var bytes = new byte[64 * 1024];
        new Random(11).NextBytes(bytes);
        return [.. Obj("%PDF-1.7\n"), .. bytes, .. Obj("\n%%EOF\n")];
    }

    /// <summary>A content stream of <paramref name="megabytes"/> MB of spaces, deflated to a few hundred KB.</summary>
    public static byte[] DecompressionBomb(int megabytes)
    {
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var block = Enumerable.Repeat((byte)' ', 1024 * 1024).ToArray();
            for (var i = 0; i < megabytes; i++) z.Write(block);
        }
        return Build(
            Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            Stream("/Filter /FlateDecode", compressed.ToArray()),
            Obj(Font));
    }

    /// <summary>A page tree whose node is its own grandchild.</summary>
    public static byte[] CyclicPageTree() => Build(
        Obj("<< /Type /Catalog /Pages 2 0 R >>"),
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        Obj("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>"));

    /// <summary>A page tree that claims two billion pages.</summary>
    public static byte[] HugePageCount() => Build(
        Obj("<< /Type /Catalog /Pages 2 0 R >>"),
        Obj("<< /Type /Pages /Kids [" + string.Concat(Enumerable.Repeat("3 0 R ", 20000)) + "] /Count 2000000000 >>"),
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
        Stream("", Obj("BT /F1 12 Tf 72 720 Td (Pagina) Tj ET")),
        Obj(Font));

    /// <summary>Arrays nested 50,000 deep in the page's resources.</summary>
    public static byte[] DeepNesting() => Build(
        Obj("<< /Type /Catalog /Pages 2 0 R >>"),
        Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
        Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /X " + new string('[', 50000) + new string(']', 50000) + " >> /Contents 4 0 R >>"),
        Stream("", Obj("BT /F1 12 Tf 72 720 Td (Diep) Tj ET")),
        Obj(Font));

    /// <summary>
    /// A 40 KB file whose text is coloured through a Separation colour space with a Type 4
    /// (PostScript calculator) tint function of 3,000 nested procedures.
    /// </summary>
    public static byte[] NestedType4Functions(int depth = 3000)
    {
        var code = new StringBuilder("{ ");
        for (var i = 0; i < depth; i++) code.Append("true { ");
        code.Append("pop 0 0 0 ");
        for (var i = 0; i < depth; i++) code.Append("} if ");
        code.Append('}');
        return Build(
            Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> /ColorSpace << /CS0 [/Separation /Steunkleur /DeviceRGB 6 0 R] >> >> /Contents 4 0 R >>"),
            Stream("", Obj("/CS0 cs 0.5 scn BT /F1 12 Tf 72 720 Td (Steunkleur) Tj ET")),
            Obj(Font),
            Stream("/FunctionType 4 /Domain [0 1] /Range [0 1 0 1 0 1]", Obj(code.ToString())));
    }

    /// <summary>A TrueType font whose embedded program is random bytes.</summary>
    public static byte[] CrashingFont()
    {
        var junk = new byte[4096];
        new Random(5).NextBytes(junk);
        junk[0] = 0; junk[1] = 1; junk[2] = 0; junk[3] = 0;   // looks like a TrueType header, then nonsense
        return Build(
            Obj("<< /Type /Catalog /Pages 2 0 R >>"),
            Obj("<< /Type /Pages /Kids [3 0 R] /Count 1 >>"),
            Obj("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>"),
            Stream("", Obj("BT /F1 12 Tf 72 720 Td (Kapot lettertype) Tj ET")),
            Obj("<< /Type /Font /Subtype /TrueType /BaseFont /Kapot /FirstChar 32 /LastChar 126 /Widths [" + string.Concat(Enumerable.Repeat("500 ", 95)) + "] /FontDescriptor 6 0 R >>"),
            Obj("<< /Type /FontDescriptor /FontName /Kapot /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile2 7 0 R >>"),
            Stream("", junk));
    }
}
