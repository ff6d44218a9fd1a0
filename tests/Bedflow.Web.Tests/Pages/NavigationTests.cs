using Bedflow.Data.Accounts;
using Bedflow.Web.Tests.Support;

namespace Bedflow.Web.Tests.Pages;

/// <summary>Every page links to the others an account may open: Import only for those who may import.</summary>
public class NavigationTests
{
    [Theory]
    [InlineData("/today")]
    [InlineData("/figures")]
    [InlineData("/options")]
    public async Task An_editor_finds_every_page_from_any_page_and_a_viewer_no_import(string path)
    {
        await using var server = await RunningServer.StartAsync();
        var editor = await server.SignedInAsync("hub", Role.Editor);
        string page = await editor.GetStringAsync(path);
        foreach (string link in new[] { "/today", "/figures", "/options", "/import" })
        {
            Assert.Contains($"<a href=\"{link}\">", page, StringComparison.Ordinal);
        }
        var viewer = await server.SignedInAsync("vera", Role.Viewer);
        string seen = await viewer.GetStringAsync(path);
        Assert.Contains("<a href=\"/figures\">", seen, StringComparison.Ordinal);
        Assert.DoesNotContain("<a href=\"/import\">", seen, StringComparison.Ordinal);
    }
}
