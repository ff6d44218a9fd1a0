namespace Bedflow.Data.Accounts;

/// <summary>What a web account may do; each role may do everything the one before it may.</summary>
public enum Role
{
    /// <summary>Sees figures and pseudonymised lists (patients by their register key, never who they are).</summary>
    Viewer,
    /// <summary>The transfer-of-care hub: also sees who the patient is (NHS number) and may change records.</summary>
    Editor,
    /// <summary>Also manages accounts and reads the audit log.</summary>
    Admin,
}
