// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#if defined(__linux__)
#include <pthread.h>
#else
#include <thread>
#endif

namespace placard {

/// A thread that takes a share of a few milliseconds' work from its caller, joined when it goes
/// out of scope. Linux starts a new thread on its creator's processor and moves it to an idle
/// one only later: measured in a filter change of a million events, the helper began 1–4 ms
/// late and the two then took turns on one processor, twice as slow as they should be. So the
/// thread starts on another of the processors the process may use, and may go anywhere after.
/// The work must not throw.
class HelperThread {
public:
    explicit HelperThread(std::function<void()> work);
    ~HelperThread();
    HelperThread(const HelperThread &) = delete;
    HelperThread &operator=(const HelperThread &) = delete;

    /// The processor the thread was kept off at its start (its creator's), -1 when none was.
    int avoided() const { return m_avoided; }

private:
    std::function<void()> m_work;
    int m_avoided = -1;
#if defined(__linux__)
    static void *run(void *self);
    pthread_t m_thread{};
#else
    std::thread m_thread;
#endif
};

} // namespace placard
