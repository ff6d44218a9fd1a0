namespace Bedflow.Core.Simulation;

/// <summary>A growable FIFO ring buffer of ints (patient slots): no allocation in steady state.</summary>
internal sealed class IntQueue
{
    private int[] _items = new int[16];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(int item)
    {
        if (Count == _items.Length)
        {
            var bigger = new int[_items.Length * 2];
            for (int i = 0; i < Count; i++)
            {
                bigger[i] = _items[(_head + i) & (_items.Length - 1)];
            }
            _items = bigger;
            _head = 0;
        }
        _items[(_head + Count) & (_items.Length - 1)] = item;
        Count++;
    }

    public int Peek() => _items[_head];

    public int Dequeue()
    {
        int item = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        Count--;
        return item;
    }

    /// <summary>The item at position <paramref name="index"/> from the head.</summary>
    public int this[int index] => _items[(_head + index) & (_items.Length - 1)];
}
