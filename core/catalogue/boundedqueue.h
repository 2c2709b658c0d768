// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace placard {

/// Hands chunks of work from one producing thread to one consuming thread, holding at most
/// `capacity` of them so that a fast producer cannot fill the memory. Chunks the consumer
/// is done with can go back (giveBack) to be freed, or reused, on the producer's thread.
template<typename T> class BoundedQueue {
public:
    explicit BoundedQueue(std::size_t capacity = 8)
        : m_capacity(capacity)
    {
    }

    /// Waits for room; drops the chunk when the consumer has closed the queue.
    void push(T chunk)
    {
        std::unique_lock lock(m_mutex);
        m_space.wait(lock, [this] { return m_chunks.size() < m_capacity || m_closed; });
        if (m_closed)
            return;
        m_chunks.push_back(std::move(chunk));
        m_ready.notify_one();
    }
    /// False when the producer has finished and every chunk was taken.
    bool pop(T &chunk)
    {
        std::unique_lock lock(m_mutex);
        m_ready.wait(lock, [this] { return !m_chunks.empty() || m_done; });
        if (m_chunks.empty())
            return false;
        chunk = std::move(m_chunks.front());
        m_chunks.pop_front();
        m_space.notify_one();
        return true;
    }
    /// The producer has pushed its last chunk.
    void finish()
    {
        std::lock_guard lock(m_mutex);
        m_done = true;
        m_ready.notify_all();
    }
    /// The consumer gives up (error or cancel): the producer is unblocked and should stop.
    void close()
    {
        std::lock_guard lock(m_mutex);
        m_closed = true;
        m_chunks.clear();
        m_space.notify_all();
    }
    /// Chunks pushed and not yet taken.
    std::size_t size() const
    {
        std::lock_guard lock(m_mutex);
        return m_chunks.size();
    }
    /// Read without the lock: a producer asks for every item it makes.
    bool closed() const { return m_closed.load(std::memory_order_relaxed); }
    void giveBack(T chunk)
    {
        std::lock_guard lock(m_mutex);
        m_spent.push_back(std::move(chunk));
    }
    std::vector<T> takeSpent()
    {
        std::lock_guard lock(m_mutex);
        return std::exchange(m_spent, {});
    }

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::condition_variable m_ready;
    std::condition_variable m_space;
    std::deque<T> m_chunks;
    std::vector<T> m_spent;
    bool m_done = false;
    std::atomic_bool m_closed = false; ///< written under m_mutex
};

/// Closes a queue and joins the thread that produces into it when a scope is left, however
/// it is left: declared after both, it runs before the queue goes.
template<typename T> struct ProducerJoiner {
    BoundedQueue<T> &queue;
    std::thread &thread;
    ~ProducerJoiner()
    {
        queue.close();
        if (thread.joinable())
            thread.join();
    }
};

} // namespace placard
