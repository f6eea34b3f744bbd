using System.Threading;
using System.Threading.Tasks;
using CiOidcLint.Analysis.Shell;
using CiOidcLint.Analysis.Syntax;

namespace CiOidcLint.Analysis.Tests.Shell;

/// <summary>
/// The content-keyed memo behind script parses: an edit elsewhere in a file must not re-parse an
/// unchanged line, and the memo must stay bounded however long the editing session.
/// </summary>
public sealed class ShellCacheTests
{
    [Fact]
    public void The_same_text_in_a_new_parse_of_the_file_reuses_its_script()
    {
        const string Pipeline = "job:\n  script:\n    - export TOKEN=$(vault write -field=token auth/jwt/login jwt=$VAULT_ID_TOKEN)\n";
        var before = Line(SyntaxFile.Parse(".gitlab-ci.yml", Pipeline));
        var after = Line(SyntaxFile.Parse(".gitlab-ci.yml", "# an edit above\n" + Pipeline));

        Assert.NotSame(before, after);
        Assert.Same(before.Shell, after.Shell);
    }

    [Fact]
    public void Equal_texts_share_one_computation_and_different_texts_do_not()
    {
        var computed = 0;
        var cache = new GenerationalCache<string>(t => { Interlocked.Increment(ref computed); return t.ToUpperInvariant(); });

        var first = cache.Get(new string('a', 3));
        var again = cache.Get(new string('a', 3));
        var other = cache.Get("b");

        Assert.Same(first, again);
        Assert.Equal("AAA", first);
        Assert.Equal("B", other);
        Assert.Equal(2, computed);
    }

    [Fact]
    public void Past_its_capacity_it_keeps_what_was_used_lately_and_forgets_the_rest()
    {
        var computed = 0;
        var cache = new GenerationalCache<string>(t => { computed++; return t; }, capacity: 4);
        for (var i = 0; i < 5; i++)
        {
            cache.Get("old " + i);
        }

        // Five entries filled the first generation past 4: it became the previous one.
        cache.Get("kept");
        cache.Get("old 0");
        Assert.Equal(6, computed);

        for (var i = 0; i < 10; i++)
        {
            cache.Get("new " + i);
        }

        // Two rotations later the old entries are gone; "kept" went too, as nothing asked for it.
        cache.Get("old 1");
        cache.Get("kept");
        Assert.Equal(6 + 10 + 2, computed);
    }

    [Fact]
    public void Long_texts_rotate_a_generation_before_it_holds_many_entries()
    {
        // Typing in a long block script adds a long key per keystroke: the text held is bounded too.
        var computed = 0;
        var cache = new GenerationalCache<string>(t => { computed++; return t; }, capacity: 1_000, characterBudget: 10_000);
        for (var i = 0; i < 4; i++)
        {
            cache.Get(i + new string('x', 6_000));
        }

        // Keys 0 and 1 passed the budget and became the previous generation; keys 2 and 3 did
        // the same after them. Four entries, two rotations: key 0 is gone, key 3 is kept.
        cache.Get(0 + new string('x', 6_000));
        cache.Get(3 + new string('x', 6_000));
        Assert.Equal(5, computed);
    }

    [Fact]
    public void A_text_longer_than_the_key_limit_is_computed_each_time()
    {
        var computed = 0;
        var cache = new GenerationalCache<int>(t => ++computed);
        var big = new string('x', 100_000);
        Assert.Equal(1, cache.Get(big));
        Assert.Equal(2, cache.Get(big));
    }

    [Fact]
    public async Task Parallel_lookups_of_one_text_agree()
    {
        var cache = new GenerationalCache<ShellScript>(ShellParser.Parse, capacity: 16);
        var texts = Enumerable.Range(0, 64).Select(i => $"echo {i % 8} $VAR_{i % 8}").ToArray();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => texts.Select(cache.Get).ToArray())));

        foreach (var result in results)
        {
            for (var i = 0; i < texts.Length; i++)
            {
                Assert.Equal(texts[i], string.Join(" ", result[i].Commands.Single().Words.Select(w => w.RawText)));
            }
        }
    }

    private static YamlScalar Line(SyntaxFile file)
        => (YamlScalar)((YamlSequence)((YamlMapping)((YamlMapping)file.Root!).Get("job")!).Get("script")!).Items[0];
}
