namespace Verdant.Core.Numerics;

/// <summary>
/// A fixed set of threads that run one body per phase, so the round loop fans out over cores without the per-call
/// allocations of Parallel.For (tasks, closures, loop state). The caller's thread is worker 0.
/// </summary>
public sealed class WorkerPool : IDisposable
{
    private readonly Thread[] _threads;
    private readonly Barrier _start;
    private readonly Barrier _done;
    private Action<int>? _body;
    private Exception? _failure;
    private volatile bool _stopping;
    private readonly long[] _allocatedBytes;

    /// <summary>Starts <paramref name="workerCount"/> - 1 background threads.</summary>
    public WorkerPool(int workerCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(workerCount);
        WorkerCount = workerCount;
        _start = new Barrier(workerCount);
        _done = new Barrier(workerCount);
        _threads = new Thread[workerCount - 1];
        _allocatedBytes = new long[workerCount];
        for (int i = 0; i < _threads.Length; i++)
        {
            int index = i + 1;
            _threads[i] = new Thread(() => Loop(index)) { IsBackground = true, Name = $"verdant-worker-{index}" };
            _threads[i].Start();
        }

        BlockOnEveryEvent();
    }

    /// <summary>
    /// Bytes allocated so far on the pool's own threads (not the caller's), read after each phase; lets tests check that
    /// a phase allocates nothing without counting other threads of the process.
    /// </summary>
    public long BackgroundAllocatedBytes
    {
        get
        {
            long total = 0;
            for (int i = 1; i < _allocatedBytes.Length; i++)
            {
                total += Volatile.Read(ref _allocatedBytes[i]);
            }

            return total;
        }
    }

    /// <summary>Number of workers, the caller included.</summary>
    public int WorkerCount { get; }

    /// <summary>
    /// Runs <paramref name="body"/>(worker) on every worker and returns when all have finished; rethrows the first failure.
    /// Pass a cached delegate: a lambda created per call allocates.
    /// </summary>
    public void Run(Action<int> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (WorkerCount == 1)
        {
            body(0);
            return;
        }

        _body = body;
        _failure = null;
        _start.SignalAndWait();
        Execute(0);
        _done.SignalAndWait();
        _body = null;
        if (_failure is { } failure)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        if (WorkerCount > 1)
        {
            _start.SignalAndWait();
            foreach (Thread thread in _threads)
            {
                thread.Join();
            }
        }

        _start.Dispose();
        _done.Dispose();
    }

    /// <summary>
    /// Makes each barrier's two phase events block once, so that each creates its lock object now: a
    /// ManualResetEventSlim allocates one (24 bytes) the first time a wait outlasts its spinning, which would otherwise
    /// happen in whatever round first has a slow worker or a slow caller, and show as a round that allocates.
    /// </summary>
    private void BlockOnEveryEvent()
    {
        if (WorkerCount == 1)
        {
            return;
        }

        Action<int> slowWorkers = static index =>
        {
            if (index > 0)
            {
                Thread.Sleep(WarmUpWaitMs); // the caller waits on the done barrier
            }
        };
        for (int phase = 0; phase < 2; phase++) // odd and even phase events
        {
            Thread.Sleep(WarmUpWaitMs); // the workers wait on the start barrier
            Run(slowWorkers);
        }
    }

    private const int WarmUpWaitMs = 5;

    private void Loop(int index)
    {
        while (true)
        {
            _start.SignalAndWait();
            if (_stopping)
            {
                return;
            }

            Execute(index);
            Volatile.Write(ref _allocatedBytes[index], GC.GetAllocatedBytesForCurrentThread());
            _done.SignalAndWait();
        }
    }

    private void Execute(int index)
    {
        try
        {
            _body!(index);
        }
#pragma warning disable CA1031 // a worker's exception is carried to the caller's thread and rethrown there
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Interlocked.CompareExchange(ref _failure, ex, null);
        }
    }
}
