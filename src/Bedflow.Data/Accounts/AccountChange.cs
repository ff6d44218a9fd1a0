namespace Bedflow.Data.Accounts;

/// <summary>What became of a change to an account that could take away an admin.</summary>
public enum AccountChange
{
    /// <summary>Made, and audited.</summary>
    Done,

    /// <summary>There is no account of that name.</summary>
    NotFound,

    /// <summary>Refused: it would leave no admin (add another admin first).</summary>
    LastAdmin,
}
