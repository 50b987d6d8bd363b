using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PolicyLens.Documents;
using PolicyLens.Import;
using PolicyLens.Readers.Tables;

namespace PolicyLens.Readers.Tests.Tables;

public sealed class TableReading : IDisposable
{
    private readonly TestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private TableData Read(string name, byte[] content, TableMapping? mapping = null) => TableReaders.Read(_files.Write(name, content), name, mapping);

    private TableData Read(string name, string content) => Read(name, Encoding.UTF8.GetBytes(content));

    [Fact]
    public void A_semicolon_csv_with_quoted_separators_and_line_breaks_is_read_with_line_numbers()
    {
        var table = Read("plannen.csv", "gemeente;titel;tekst\r\nLindeveld;\"Buurt; huis\";\"Regel een\nregel twee\"\r\nBeekhoven;Wandelpad;\"Zei \"\"ja\"\"\"\r\n");
        Assert.Equal(TableFormat.Csv, table.Format);
        Assert.Equal(["gemeente", "titel", "tekst"], table.Columns);
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal("Buurt; huis", table.Rows[0][1]);
        Assert.Equal("Regel een\nregel twee", table.Rows[0][2]);
        Assert.Equal(2, table.Rows[0].Number);
        Assert.Equal(4, table.Rows[1].Number); // the quoted line break moved the next record to line 4
        Assert.Equal("Zei \"ja\"", table.Rows[1][2]);
        Assert.Empty(table.Issues);
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n", ',')]
    [InlineData("a;b;c\n1;2;3\n", ';')]
    [InlineData("a\tb\tc\n1\t2\t3\n", '\t')]
    [InlineData("\"x,y\";b;c\n1;2;3\n", ';')]
    public void The_separator_is_found_in_the_header_line(string csv, char separator) =>
        Assert.Equal(separator, CsvTableReader.DetectSeparator(csv));

    [Fact]
    public void A_byte_order_mark_is_not_part_of_the_first_column_and_windows_1252_is_read_with_a_warning()
    {
        var withBom = Read("bom.csv", [.. new byte[] { 0xEF, 0xBB, 0xBF }, .. Encoding.UTF8.GetBytes("gemeente;titel\nLindeveld;x\n")]);
        Assert.Equal("gemeente", withBom.Columns[0]);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ansi = Read("ansi.csv", Encoding.GetEncoding(1252).GetBytes("gemeente;titel\nLindeveld;Financiële steun\n"));
        Assert.Equal("Financiële steun", ansi.Rows[0][1]);
        Assert.Contains(ansi.Issues, i => i.Severity == IssueSeverity.Warning && i.Message.Contains("Windows-1252"));
    }

    [Fact]
    public void A_record_with_too_many_fields_is_skipped_and_named_by_its_line()
    {
        var table = Read("plannen.csv", "gemeente;titel\nLindeveld;Eén\nBeekhoven;Twee;extra\nDorp;Drie\n");
        Assert.Equal(["Lindeveld", "Dorp"], table.Rows.Select(r => r[0]));
        var issue = Assert.Single(table.Issues);
        Assert.Equal(3, issue.Row);
        Assert.Contains("3 velden", issue.Message);
    }

    [Fact]
    public void An_unclosed_quote_keeps_the_records_before_it_and_says_where_it_opened()
    {
        var table = Read("kapot.csv", "gemeente;titel\nLindeveld;Eén\nBeekhoven;\"Twee\nDorp;Drie\n");
        Assert.Equal(["Lindeveld"], table.Rows.Select(r => r[0]));
        var issue = Assert.Single(table.Issues, i => i.Severity == IssueSeverity.Error);
        Assert.Equal(3, issue.Row);
        Assert.Contains("regel 3", issue.Message);
    }

    [Fact]
    public void A_json_array_of_objects_becomes_columns_with_nested_fields_dotted_and_lists_joined()
    {
        var table = Read("plannen.json", """
            [{"municipality": "Lindeveld", "total_amount": 122000, "yearly_amounts": {"2026": 61000, "2027": 0}, "categories": ["groen", "zorg"]},
             {"municipality": "Beekhoven", "ac_long": null, "extra": true}]
            """);
        Assert.Equal(TableFormat.Json, table.Format);
        Assert.Equal(["municipality", "total_amount", "yearly_amounts.2026", "yearly_amounts.2027", "categories", "ac_long", "extra"], table.Columns);
        Assert.Equal("61000", table.Rows[0][2]);
        Assert.Equal("groen, zorg", table.Rows[0][4]);
        Assert.Null(table.Rows[1][1]);
        Assert.Equal("true", table.Rows[1][6]);
        Assert.Equal(2, table.Rows[1].Number);
    }

    [Fact]
    public void Records_under_a_key_of_an_object_are_read_too() =>
        Assert.Equal(2, Read("export.json", """{"meta": {"n": 2}, "records": [{"a": 1}, {"a": 2}]}""").Rows.Count);

    [Fact]
    public void A_json_file_broken_half_way_keeps_the_records_before_the_break_and_names_record_and_line()
    {
        var table = Read("kapot.json", "[\n{\"a\": 1},\n{\"a\": 2},\n{\"a\": 3,, }\n]");
        Assert.Equal(["1", "2"], table.Rows.Select(r => r[0]));
        var issue = Assert.Single(table.Issues);
        Assert.Equal(3, issue.Row);
        Assert.Contains("regel 4", issue.Message);
        Assert.Contains("2 records ervoor zijn ingelezen", issue.Message);
    }

    [Fact]
    public void A_json_record_that_is_no_object_is_skipped()
    {
        var table = Read("gemengd.json", """[{"a": 1}, 5, {"a": 3}]""");
        Assert.Equal([1, 3], table.Rows.Select(r => r.Number));
        Assert.Equal(2, Assert.Single(table.Issues).Row);
    }

    [Fact]
    public void An_xlsx_sheet_is_read_with_shared_and_inline_strings_numbers_and_excel_row_numbers()
    {
        var path = _files.PathFor("plannen.xlsx");
        WriteWorkbook(path, ("Blad1", [["gemeente", "titel", "bedrag"], ["Lindeveld", "Buurthuis", 1250000.5], [], ["Beekhoven", "Wandelpad", 0]]),
            ("Tweede", [["x"], ["y"]]));
        var table = TableReaders.Read(path, "plannen.xlsx");
        Assert.Equal(TableFormat.Xlsx, table.Format);
        Assert.Equal(["gemeente", "titel", "bedrag"], table.Columns);
        Assert.Equal([2, 4], table.Rows.Select(r => r.Number));
        Assert.Equal("1250000.5", table.Rows[0][2]);
        Assert.Equal("Wandelpad", table.Rows[1][1]);
        var second = TableReaders.Read(path, "plannen.xlsx", new TableMapping("m", "x", [new MappingLevel("Actie", null, "x", null)]) { Sheet = "tweede" });
        Assert.Equal("y", second.Rows.Single()[0]);
        var missing = TableReaders.Read(path, "plannen.xlsx", new TableMapping("m", "x", [new MappingLevel("Actie", null, "x", null)]) { Sheet = "Derde" });
        Assert.Contains("'Blad1', 'Tweede'", Assert.Single(missing.Issues).Message);
    }

    [Fact]
    public void A_document_or_a_pdf_given_as_a_table_is_refused_with_what_it_is()
    {
        var docx = _files.Docx("plan.docx", "<w:p><w:r><w:t>Tekst</w:t></w:r></w:p>");
        Assert.Contains("Word-document", Assert.Single(TableReaders.Read(docx, "plan.xlsx").Issues).Message);
        Assert.Contains("PDF", Assert.Single(Read("plan.csv", "%PDF-1.7 rest").Issues).Message);
        Assert.Contains("leeg", Assert.Single(Read("leeg.csv", []).Issues).Message);
    }

    internal static void WriteWorkbook(string path, params (string Name, object?[][] Rows)[] sheets)
    {
        using var document = SpreadsheetDocument.Create(path, SpreadsheetDocumentType.Workbook);
        var workbook = document.AddWorkbookPart();
        var shared = workbook.AddNewPart<SharedStringTablePart>();
        shared.SharedStringTable = new SharedStringTable();
        var list = new Sheets();
        uint id = 1;
        foreach (var (name, rows) in sheets)
        {
            var part = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            for (var r = 0; r < rows.Length; r++)
            {
                var row = new Row { RowIndex = (uint)r + 1 };
                for (var c = 0; c < rows[r].Length; c++)
                {
                    var reference = (char)('A' + c) + (r + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    row.Append(rows[r][c] switch
                    {
                        double d => new Cell { CellReference = reference, CellValue = new CellValue(d.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                        int i => new Cell { CellReference = reference, CellValue = new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)) },
                        // Alternate shared and inline strings: Excel writes shared ones, other tools inline.
                        string s when c % 2 == 0 => SharedCell(shared.SharedStringTable, reference, s),
                        string s => new Cell(new InlineString(new Text(s))) { CellReference = reference, DataType = CellValues.InlineString },
                        _ => new Cell { CellReference = reference },
                    });
                }
                data.Append(row);
            }
            part.Worksheet = new Worksheet(data);
            list.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id++, Name = name });
        }
        workbook.Workbook = new Workbook(list);
    }

    private static Cell SharedCell(SharedStringTable table, string reference, string text)
    {
        table.Append(new SharedStringItem(new Text(text)));
        return new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue((table.ChildElements.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)) };
    }
}
