using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Monitor.Core.Data;

/// <summary>
/// The dialect seam (#20): stores write one SQL, in the common ground of SQLite and PostgreSQL where there is one
/// (ON CONFLICT, RETURNING, CASE, coalesce, COLLATE nocase — a collation of that name exists on PostgreSQL), and the
/// few SQLite forms without a common spelling are turned into PostgreSQL's here, once per statement text:
/// <list type="bullet">
/// <item>a NULL parameter is written as the literal NULL (PostgreSQL cannot type a bare NULL parameter in
/// <c>@p IS NULL</c>; SQLite takes any NULL), and <c>x IS @p</c> / <c>x IS NOT @p</c> become IS [NOT] DISTINCT FROM;</item>
/// <item><c>value FROM json_each(@ids)</c> — a JSON array of ids — becomes the bigint elements of that array;
/// <c>json_each(t.column)</c> over a JSON object becomes json_each of the column as json;</item>
/// <item><c>json_extract(col, '$.name[0]')</c> becomes <c>col::json #&gt;&gt; '{name,0}'</c>; json_group_array and
/// json_array become json_agg and json_build_array;</item>
/// <item><c>GLOB 'pattern'</c> becomes a regular-expression match, <c>char(10)</c> becomes chr(10), group_concat
/// becomes string_agg, <c>CROSS JOIN t a ON</c> (SQLite's "keep this join order") becomes <c>JOIN t a ON</c>, and
/// the planner hint <c>+t.column</c> loses its plus.</item>
/// </list>
/// Full-text search differs too much to translate: MeetingQueries asks which engine it is on.
/// </summary>
internal static partial class PostgreSqlTranslation
{
    private static readonly ConcurrentDictionary<string, string> _translated = new(StringComparer.Ordinal);

    /// <summary>The PostgreSQL form of <paramref name="sql"/>, with the parameters named in <paramref name="nulls"/> written as NULL.</summary>
    public static string Translate(string sql, IReadOnlyCollection<string> nulls)
    {
        var key = nulls.Count == 0 ? sql : sql + "\u0000" + string.Join(',', nulls.Order(StringComparer.Ordinal));
        return _translated.GetOrAdd(key, _ => TranslateOnce(sql, nulls));
    }

    private static string TranslateOnce(string sql, IReadOnlyCollection<string> nulls)
    {
        var s = IsNotParameter().Replace(sql, " IS DISTINCT FROM $1");
        s = IsParameter().Replace(s, " IS NOT DISTINCT FROM $1");
        s = CrossJoinOn().Replace(s, "JOIN $1 ON");
        s = UnaryPlus().Replace(s, "$1");
        s = GroupConcat().Replace(s, m => m.Groups[2].Success ? $"string_agg({m.Groups[1].Value}, {m.Groups[2].Value})" : $"string_agg({m.Groups[1].Value}, ',')");
        s = JsonEachIds().Replace(s, "CAST(value AS bigint) FROM json_array_elements_text(CAST($1 AS json))");
        s = JsonEachColumn().Replace(s, "json_each(CAST($1 AS json))");
        s = JsonExtract().Replace(s, m => $"(CAST({m.Groups[1].Value} AS json) #>> '{{{m.Groups[2].Value},{m.Groups[3].Value}}}')");
        s = s.Replace("json_group_array(", "json_agg(", StringComparison.Ordinal).Replace("json_array(", "json_build_array(", StringComparison.Ordinal);
        s = s.Replace("char(10)", "chr(10)", StringComparison.Ordinal);
        s = Glob().Replace(s, m => $"{(m.Groups[1].Success ? "!~" : "~")} '{GlobToRegex(m.Groups[2].Value)}'");
        foreach (var name in nulls)
        {
            s = Regex.Replace(s, Regex.Escape(name) + @"\b", "NULL");
        }

        return s;
    }

    private static string GlobToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '[')
            {
                var end = pattern.IndexOf(']', i);
                regex.Append(pattern, i, end - i + 1);
                i = end;
            }
            else
            {
                regex.Append(c switch
                {
                    '*' => ".*",
                    '?' => ".",
                    _ => Regex.Escape(c.ToString()),
                });
            }
        }

        return regex.Append('$').ToString();
    }

    // x IS @p, x IS t.column: SQLite's null-safe comparison (not IS NULL, IS NOT NULL, IS DISTINCT FROM)
    [GeneratedRegex(@" IS NOT (@\w+|[a-z_]+\.[a-z_]+)")]
    private static partial Regex IsNotParameter();

    [GeneratedRegex(@" IS (@\w+|[a-z_]+\.[a-z_]+)")]
    private static partial Regex IsParameter();

    // SQLite reads CROSS JOIN … ON as a join it must not reorder; PostgreSQL knows only JOIN … ON
    [GeneratedRegex(@"CROSS JOIN (\w+ \w+) ON")]
    private static partial Regex CrossJoinOn();

    // +t.column: SQLite's "do not use an index for this term"; PostgreSQL has no unary plus on text
    [GeneratedRegex(@"(?<=[\s(])\+([a-z_]+\.[a-z_]+)")]
    private static partial Regex UnaryPlus();

    // group_concat(x) / group_concat(x, 'sep'), one level of parentheses inside x
    [GeneratedRegex(@"group_concat\(((?:[^(),]|\([^()]*\))+)(?:,\s*('[^']*'))?\)")]
    private static partial Regex GroupConcat();

    [GeneratedRegex(@"value FROM json_each\((@\w+)\)")]
    private static partial Regex JsonEachIds();

    [GeneratedRegex(@"json_each\((\w+\.\w+)\)")]
    private static partial Regex JsonEachColumn();

    [GeneratedRegex(@"json_extract\(([\w.]+), '\$\.(\w+)\[(\d+)\]'\)")]
    private static partial Regex JsonExtract();

    [GeneratedRegex(@"(NOT )?GLOB '([^']*)'")]
    private static partial Regex Glob();
}
