namespace CiOidcLint.Analysis.Shell;

/// <summary>Words that follow a reserved word and are not commands.</summary>
internal enum HeaderState
{
    None,

    /// <summary>After <c>for</c> / <c>select</c>: the loop variable and list, up to <c>;</c> or a line break.</summary>
    LoopHeader,

    /// <summary>After <c>function</c>: the function's name.</summary>
    FunctionName,

    /// <summary>After <c>case</c>: the word being matched.</summary>
    CaseSubject,

    /// <summary>After the case subject: <c>in</c>.</summary>
    CaseIn,
}
