namespace Monitor.Load;

/// <summary>How many virtual users have signed in; <see cref="All"/> completes when every one has.</summary>
internal sealed class LoginCount
{
    private readonly int _users;
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _count;

    public LoginCount(int users) => _users = users;

    public int Count => Volatile.Read(ref _count);

    public Task All => _all.Task;

    public void Add()
    {
        if (Interlocked.Increment(ref _count) >= _users)
        {
            _all.TrySetResult();
        }
    }
}
