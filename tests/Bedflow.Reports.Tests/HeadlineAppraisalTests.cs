using System.Net;
using System.Text.RegularExpressions;
using Bedflow.Core.Decisions;
using Bedflow.Core.Experiments;
using Bedflow.Reports.Wording;

namespace Bedflow.Reports.Tests;

/// <summary>Page 1 gives each option's standing and key harms against the baseline; each option's section its every harm and the appraisal's reasons.</summary>
public class HeadlineAppraisalTests(ReportFixture f) : IClassFixture<ReportFixture>
{
    [Fact]
    public void Each_options_headline_row_gives_its_standing_and_its_key_harms_as_paired_changes_with_intervals()
    {
        foreach (var r in f.Results.Skip(1))
        {
            string row = Row(f.Html, r.Name);
            var appraisal = f.Decision.For(r.Name)!;
            Assert.Contains($"<span class=\"standing\">{WebUtility.HtmlEncode(AppraisalWording.Standing(appraisal))}</span>", row, StringComparison.Ordinal);
            if (appraisal.Unstable)
            {
                continue; // its row says why instead (below)
            }
            // Elective admissions, patients waiting for a bed and waits over 12 hours, each the paired difference's mean and interval.
            var waiting = r.HarmsVersusBaseline![HarmMeasure.WaitingForAcuteBed];
            Assert.Contains(WebUtility.HtmlEncode(AppraisalWording.Amount(waiting.Mean, HarmMeasure.WaitingForAcuteBed, signed: true)), row, StringComparison.Ordinal);
            Assert.Contains($"{WebUtility.HtmlEncode(AppraisalWording.Amount(waiting.Lower!.Value, HarmMeasure.WaitingForAcuteBed, signed: true))} to ", row, StringComparison.Ordinal);
        }
        // The baseline has no standing: it is what the others are measured against.
        Assert.DoesNotContain("class=\"standing\"", Row(f.Html, "baseline"), StringComparison.Ordinal);
        // The best option is the appraisal's.
        Assert.Equal("more_ic", f.Decision.Verdict.Best);
        Assert.StartsWith("<tr class=\"best\">", Row(f.Html, "more_ic"), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_options_section_has_every_harm_with_its_level_its_change_and_whether_it_is_significantly_worse_and_the_appraisals_reasons()
    {
        foreach (var r in f.Results.Skip(1))
        {
            string section = Regex.Match(f.Html, $"<section class=\"option\" id=\"option-{Regex.Escape(r.Name)}\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
            var harms = Regex.Match(section, "<table class=\"breakdown harms\">(.*?)</table>", RegexOptions.Singleline).Groups[1].Value;
            var rows = Regex.Matches(harms, "<tr><th scope=\"row\">(.*?)</tr>", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(Enum.GetValues<HarmMeasure>().Length, rows.Count);
            var appraisal = f.Decision.For(r.Name)!;
            foreach (var (m, cells) in HarmMeasureWords.Table.Rows.Select(x => x.Value).Zip(rows))
            {
                Assert.StartsWith(WebUtility.HtmlEncode(HarmMeasureWords.Display(m)), cells, StringComparison.Ordinal);
                bool worse = appraisal.Reasons.OfType<HarmWorse>().Any(w => w.Measure == m);
                Assert.EndsWith(worse ? "<td><b class=\"worse\">yes</b></td>" : "<td>no</td>", cells, StringComparison.Ordinal);
            }
            Assert.Contains($"Appraisal: {WebUtility.HtmlEncode(AppraisalWording.Standing(appraisal))}.", section, StringComparison.Ordinal);
            foreach (string reason in AppraisalWording.Why(appraisal))
            {
                Assert.Contains($"<li>{WebUtility.HtmlEncode(reason)}</li>", section, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void An_unstable_options_row_says_which_service_it_overloads_and_that_its_long_run_figures_have_no_meaning()
    {
        // Without the pilot's beds the fixture's intermediate care cannot take acute's discharges: acute's queue grows all period.
        var appraisal = f.Decision.For("no_pilot")!;
        Assert.True(appraisal.Unstable);
        string sentence = AppraisalWording.Sentence(appraisal.Reasons.OfType<Overloads>().Single())!;
        // The flow balance names the cause (the pilot's intermediate-care beds are what acute discharges into), the run the symptom.
        Assert.StartsWith("this option overloads intermediate_care (offered ", sentence, StringComparison.Ordinal);
        Assert.Contains("% of its capacity over the period by the flow balance, so it cannot keep up), acute (its queue grows by about ", sentence, StringComparison.Ordinal);
        Assert.EndsWith(": its long-run figures have no meaning.", sentence, StringComparison.Ordinal);
        Assert.Contains($"<td colspan=\"3\" class=\"overload\">{WebUtility.HtmlEncode(sentence)}</td>", Row(f.Html, "no_pilot"), StringComparison.Ordinal);
        Assert.Contains("unstable", AppraisalWording.Standing(appraisal), StringComparison.Ordinal);
    }

    // The option's headline row, from its <tr> to its </tr>.
    private static string Row(string html, string option)
    {
        string headline = Regex.Match(html, "<section class=\"headline\">(.*?)</section>", RegexOptions.Singleline).Groups[1].Value;
        var match = Regex.Match(headline, $"<tr[^>]*><th scope=\"row\">{Regex.Escape(option)}\\b.*?</tr>", RegexOptions.Singleline);
        Assert.True(match.Success, $"no headline row for {option}");
        return match.Value;
    }
}
