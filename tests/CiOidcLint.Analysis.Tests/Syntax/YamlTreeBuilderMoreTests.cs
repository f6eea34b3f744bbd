using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Tests.Syntax;

public sealed class YamlTreeBuilderMoreTests
{
    [Fact]
    public void Duplicate_keys_keep_the_first_position_and_the_last_value()
    {
        var file = SyntaxFile.Parse("a.yml", "a: 1\nb: 2\na: 3\n");
        var root = file.RootMapping!;
        Assert.Equal(new[] { "a", "b" }, root.Entries.Select(e => e.Name));
        Assert.Equal("3", ((YamlScalar)root.Get("a")!).Value);
        Assert.Equal(3, root.WrittenEntries.Length);
        var problem = Assert.Single(file.Problems);
        Assert.Equal(SyntaxProblemKind.DuplicateKey, problem.Kind);
        Assert.Equal(0, problem.Span.Start);
    }

    [Theory]
    [InlineData("job:\n  script:\n\t- echo hi\n", 2, 0)]
    [InlineData("job:\n  script:\n    - echo hi\n  \tafter: x\n", 3, 2)]
    public void A_tab_used_as_indentation_is_pointed_at(string yaml, int line, int character)
    {
        var file = SyntaxFile.Parse("a.yml", yaml);
        var problem = Assert.Single(file.Problems, p => p.Kind == SyntaxProblemKind.SyntaxError);
        var at = file.Text.Lines.GetLinePosition(problem.Span.Start);
        Assert.Equal((line, character), (at.Line, at.Character));
        Assert.Equal('\t', file.Text[problem.Span.Start]);
    }

    [Fact]
    public void A_big_mapping_finds_duplicates_by_index_as_a_small_one_does_by_scan()
    {
        // Past eight keys the positions come from a dictionary: same first position, last value, and report.
        var keys = string.Concat(Enumerable.Range(0, 12).Select(i => $"k{i}: {i}\n"));
        var file = SyntaxFile.Parse("a.yml", keys + "k3: again\nk3: last\n");
        var root = file.RootMapping!;
        Assert.Equal(12, root.Entries.Length);
        Assert.Equal("k3", root.Entries[3].Name);
        Assert.Equal("last", ((YamlScalar)root.Get("k3")!).Value);
        Assert.Equal(14, root.WrittenEntries.Length);
        var problems = file.Problems.Where(p => p.Kind == SyntaxProblemKind.DuplicateKey).OrderBy(p => p.Span.Start).ToList();
        Assert.Equal(2, problems.Count);
        Assert.Equal(keys.IndexOf("k3:", StringComparison.Ordinal), problems[0].Span.Start);
        Assert.Equal(keys.Length, problems[1].Span.Start);
    }

    [Fact]
    public void Merge_keys_follow_psych_order()
    {
        // Merged keys override what came before them; later explicit keys override merged ones;
        // in a list of merges, the earlier mapping wins.
        var file = SyntaxFile.Parse("a.yml", "x: &x {a: x, b: x}\ny: &y {a: y, c: y}\nm:\n  a: own\n  <<: [*x, *y]\n  c: own\n");
        var m = (YamlMapping)file.RootMapping!.Get("m")!;
        Assert.Equal("x", ((YamlScalar)m.Get("a")!).Value);
        Assert.Equal("x", ((YamlScalar)m.Get("b")!).Value);
        Assert.Equal("own", ((YamlScalar)m.Get("c")!).Value);
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void Aliases_share_the_anchored_node()
    {
        var file = SyntaxFile.Parse("a.yml", "a: &list [1, 2]\nb: *list\n");
        Assert.Same(file.RootMapping!.Get("a"), file.RootMapping.Get("b"));
    }

    [Fact]
    public void Reference_tags_are_kept()
    {
        var file = SyntaxFile.Parse("a.yml", "a: !reference [.job, script]\n");
        var reference = (YamlSequence)file.RootMapping!.Get("a")!;
        Assert.True(reference.IsReference);
        Assert.Equal("!reference [.job, script]", file.Text.ToString(reference.Span));
    }

    [Fact]
    public void A_file_without_a_spec_header_uses_its_first_document()
    {
        var file = SyntaxFile.Parse("a.yml", "---\njob:\n  script: [x]\n");
        Assert.Null(file.Header);
        Assert.NotNull(file.RootMapping!.Get("job"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    public void Empty_files_have_no_root_and_no_problem(string text)
    {
        var file = SyntaxFile.Parse("a.yml", text);
        Assert.Null(file.RootMapping);
        Assert.Empty(file.Problems);
    }

    [Fact]
    public void A_recursive_alias_is_an_error_not_a_hang()
    {
        var file = SyntaxFile.Parse("a.yml", "a: &a [1, *a]\n");
        Assert.Contains(file.Problems, p => p.Message.Contains("contains it", StringComparison.Ordinal));
    }
}
