using Bedflow.Core.Calibration;
using Bedflow.Core.Delays;
using Bedflow.Core.Distributions;
using Bedflow.Core.Forecasting;
using Bedflow.Core.Model;
using Bedflow.Core.Units;
using Bedflow.Core.Vocabulary;
using Bedflow.Reports.Charts;

namespace Bedflow.Reports.Tests.Charts;

/// <summary>The forecast's fan chart: a 95% and an 80% band a variant around its mean; drawn once, held inline by a page with its names encoded.</summary>
public class ForecastChartTests
{
    private static ForecastResult Forecast()
    {
        var net = new NetworkBuilder()
            .Service("ward", 20, Distribution.Exponential(4), kind: ServiceKind.CommunityHospital)
            .Arrivals("in", "ward", ArrivalRate.Constant(RatePerDay.Of(3)))
            .Route("ward", "home")
            .Build();
        var asOf = new DateTime(2016, 6, 10);
        var stays = Enumerable.Range(0, 6).Select(i => new ObservedStay(i, new DelayRecord
        {
            Service = "ward", Beds = SitRepBeds.NonAcute, Adult = true, Admitted = asOf.AddDays(-5), Ready = i < 2 ? asOf.AddDays(-1) : null,
        })).ToList();
        var census = RegisterSnapshot.Of(net, stays, asOf);
        return Core.Forecasting.Forecast.Run([new("baseline", "", net), new("more", "", net)], census, new ForecastSettings { Days = 5, Replications = 10, Seed = 1 });
    }

    [Fact]
    public void Each_variant_has_its_95_and_80_percent_bands_around_one_mean_line_and_the_caption_says_what_the_bands_are()
    {
        var f = Forecast();
        var spec = ForecastChart.Spec("S", f);
        Assert.Equal(["baseline (95% band)", "baseline (80% band)", "more (95% band)", "more (80% band)"], spec.Series.Select(s => s.Name));
        Assert.Equal(spec.Series[0].Y, spec.Series[1].Y);
        Assert.All(spec.Series, s => Assert.Equal(5, s.X.Count));
        Assert.Equal(ForecastChart.Caption(10, 2), spec.Caption);
        Assert.Contains("not a confidence interval of the mean", spec.Caption, StringComparison.Ordinal);
    }

    [Fact]
    public void A_drawn_chart_held_by_a_page_keeps_no_markup_from_the_scenarios_name_and_prefixes_its_ids()
    {
        string svg = ForecastChart.Svg("<script>alert(1)</script> & Co", Forecast());
        Assert.DoesNotContain("<script", svg, StringComparison.Ordinal);
        string figure = BoardReport.Chart("forecast-delayed", svg, "<b>caption</b>");
        Assert.StartsWith("<figure id=\"forecast-delayed\">\n<svg", figure, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", figure, StringComparison.Ordinal);
        Assert.Contains("<figcaption>&lt;b&gt;caption&lt;/b&gt;</figcaption>", figure, StringComparison.Ordinal);
        Assert.DoesNotContain("<?xml", figure, StringComparison.Ordinal);
        Assert.DoesNotMatch("\\bid=\"(?!forecast-delayed)", figure[figure.IndexOf("<svg", StringComparison.Ordinal)..]);
    }
}
