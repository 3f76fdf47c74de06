using Guichet.Deliver;
using Guichet.Follow;
using Guichet.Improve;
using Guichet.Orient;
using Guichet.Platform;
using Guichet.Welcome;
using Guichet;
using Guichet.Cli;

// The same binary is the web platform and the command line (`guichet migrate`, `seed --demo`, ...).
if (Cli.IsCommand(args))
    return await Cli.RunAsync(args);

// `--demo` loads the demo organisation and its staff logins (a known password) into an empty
// database; without it (or Demo:SeedIfEmpty, or the Development environment) nothing is loaded.
var demo = args.Contains("--demo");
var builder = WebApplication.CreateBuilder(args.Where(a => a != "--demo").ToArray());
if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
    builder.WebHost.UseUrls("http://localhost:5080");

builder.Services.AddPlatform(builder.Configuration);
builder.Services.AddOrient();
builder.Services.AddWelcome();
builder.Services.AddDeliver();
builder.Services.AddFollow();
builder.Services.AddImprove();

var app = builder.Build();

app.UsePlatform();
app.MapPlatform();
app.MapOrient();
app.MapWelcome();
app.MapDeliver();
app.MapFollow();
app.MapImprove();

await Setup.PrepareAsync(app.Services, app.Configuration, app.Environment, Console.Out, demo);
await app.RunAsync();
return 0;

public partial class Program;
