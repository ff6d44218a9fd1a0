using Bedflow.Core.Forecasting;
using Bedflow.Data.Register;

namespace Bedflow.Data.Tests.Register;

public abstract partial class RegisterTests<TEngine>
{
    protected async Task The_span_of_the_data_asked_of_the_database_is_that_of_its_stays()
    {
        var register = new DelayRegister(await OpenAsync());
        Assert.Null(await register.SpanAsync());
        await register.ImportAsync(await WriteAsync(Extract), Key, "tester", skipInvalid: false);
        // First admitted 20 April 10:00; the latest moment the 5 May 12:00 discharge.
        var span = await register.SpanAsync();
        Assert.Equal(new RegisterSpan(new DateTime(2016, 4, 20, 10, 0, 0), new DateTime(2016, 5, 5, 12, 0, 0)), span);
        Assert.Equal(RegisterSpan.Of(await register.StaysAsync()), span);
        // A reason recorded later than anything else (the open episode's, on 20 May) is the latest moment.
        string later = Extract.Replace("RTH,4010232137", "RTH,9434765870,2016-04-25 08:00,2016-04-28 09:00,,acute,acute,,Dii,Social Care,2016-05-20 14:00,yes\nRTH,4010232137", StringComparison.Ordinal);
        await register.ImportAsync(await WriteAsync(later), Key, "tester", skipInvalid: false);
        Assert.Equal(new DateTime(2016, 5, 20, 14, 0, 0), (await register.SpanAsync())!.Latest);
        Assert.Equal(RegisterSpan.Of(await register.StaysAsync()), await register.SpanAsync());
    }
}

public sealed partial class SqliteRegisterTests
{
    [Fact] public Task Span() => The_span_of_the_data_asked_of_the_database_is_that_of_its_stays();
}

public sealed partial class PostgresRegisterTests
{
    [PostgresFact] public Task Span() => The_span_of_the_data_asked_of_the_database_is_that_of_its_stays();
}
