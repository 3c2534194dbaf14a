using SharpFuzz;
using Verdant.Fuzz;

// verdant-fuzz TARGET            one afl-fuzz child (SharpFuzz's fork server reads inputs from afl's shared memory)
// verdant-fuzz TARGET FILE...    replays files in-process and prints the first unexpected exception of each (triage)
if (args.Length == 0 || !FuzzTargets.All.TryGetValue(args[0], out Action<Stream>? target))
{
    Console.Error.WriteLine($"usage: verdant-fuzz {string.Join('|', FuzzTargets.All.Keys)} [FILE...]");
    return 2;
}

if (args.Length == 1)
{
    Fuzzer.OutOfProcess.Run(target);
    return 0;
}

int failed = 0;
foreach (string file in args.Skip(1))
{
    try
    {
        using FileStream stream = File.OpenRead(file);
        target(stream);
    }
#pragma warning disable CA1031 // Triage reports every exception type: that is its purpose.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        failed++;
        Console.WriteLine($"{file}: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
        Console.WriteLine(string.Join('\n', (ex.StackTrace ?? string.Empty).Split('\n').Take(6)));
    }
}

return failed == 0 ? 0 : 1;
