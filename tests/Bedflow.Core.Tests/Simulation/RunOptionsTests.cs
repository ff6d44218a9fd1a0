using Bedflow.Core.Simulation;
using Bedflow.Core.Units;

namespace Bedflow.Core.Tests.Simulation;

public class RunOptionsTests
{
    [Fact]
    public void By_default_a_run_warms_up_for_90_days_and_reports_a_year_of_365()
    {
        var options = new RunOptions();
        Assert.Equal(Days.Of(90), options.Warmup);
        Assert.Equal(Days.Of(365), options.Horizon);
        Assert.Equal(90.0, options.WarmupDays);
        Assert.Equal(365.0, options.HorizonDays);
        Assert.Empty(options.Validate());
    }

    [Fact]
    public void A_horizon_of_no_time_is_a_problem_and_a_warm_up_of_none_is_not()
    {
        Assert.Equal(["horizon must be more than 0 days, but was 0."], new RunOptions { Horizon = Days.Zero }.Validate());
        Assert.Empty(new RunOptions { Warmup = Days.Zero }.Validate());
    }
}
