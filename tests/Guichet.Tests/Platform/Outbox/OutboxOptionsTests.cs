using Guichet.Platform.Outbox;
using Microsoft.Extensions.Configuration;

namespace Guichet.Tests.Platform.Outbox;

public sealed class OutboxOptionsTests
{
    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 120)]
    [InlineData(3, 600)]
    [InlineData(4, 3600)]
    [InlineData(5, 21600)]
    [InlineData(9, 21600)] // capped: the last delay repeats
    public void The_default_backoff_grows_and_is_capped(int failures, int seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), new OutboxOptions().DelayAfter(failures));
    }

    [Fact]
    public void Configured_delays_replace_the_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Outbox:RetryDelays:0"] = "00:00:10",
            ["Outbox:RetryDelays:1"] = "00:05:00",
            ["Outbox:MaxAttempts"] = "4",
        }).Build();
        var options = configuration.GetSection(OutboxOptions.Section).Get<OutboxOptions>()!;

        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(5)], options.RetryDelays!);
        Assert.Equal(TimeSpan.FromMinutes(5), options.DelayAfter(7));
        Assert.Equal(4, options.MaxAttempts);
    }

    [Fact]
    public void A_retry_of_a_dead_lettered_message_starts_a_fresh_series()
    {
        var now = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var message = new OutboxMessage("mail", "{}", "x", now);
        var options = new OutboxOptions { MaxAttempts = 2 };
        Assert.False(message.RecordFailure("a", false, now, options));
        Assert.True(message.RecordFailure("b", false, now, options));

        message.RetryNow(now.AddHours(1));

        Assert.True(message.IsPending);
        Assert.Equal(0, message.Attempts);
        Assert.Equal(now.AddHours(1), message.NextAttemptAt);
        Assert.Equal("b", message.LastError);
    }
}
