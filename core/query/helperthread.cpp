// SPDX-License-Identifier: GPL-3.0-or-later
#include "query/helperthread.h"

#include <system_error>
#include <utility>

#if defined(__linux__)
#include <sched.h>
#endif

namespace placard {

#if defined(__linux__)

namespace {

/// What a new thread needs before its work: the processors it may use once started.
struct Start {
    HelperThread *helper;
    cpu_set_t allowed;
};

} // namespace

HelperThread::HelperThread(std::function<void()> work)
    : m_work(std::move(work))
{
    auto *start = new Start{this, {}};
    CPU_ZERO(&start->allowed);
    pthread_attr_t attributes;
    pthread_attr_init(&attributes);
    // Started on the processors allowed, less the one this thread runs on; with none left
    // (a single processor allowed), wherever the system puts it.
    if (sched_getaffinity(0, sizeof start->allowed, &start->allowed) == 0) {
        const int here = sched_getcpu();
        cpu_set_t others = start->allowed;
        if (here >= 0 && here < CPU_SETSIZE) {
            CPU_CLR(here, &others);
            if (CPU_COUNT(&others) > 0 &&
                pthread_attr_setaffinity_np(&attributes, sizeof others, &others) == 0)
                m_avoided = here;
        }
    }
    int error = pthread_create(&m_thread, &attributes, &HelperThread::run, start);
    if (error != 0 && m_avoided >= 0) {
        // A processor may have gone offline since: started anywhere, then.
        pthread_attr_destroy(&attributes);
        pthread_attr_init(&attributes);
        m_avoided = -1;
        error = pthread_create(&m_thread, &attributes, &HelperThread::run, start);
    }
    pthread_attr_destroy(&attributes);
    if (error != 0) {
        delete start;
        throw std::system_error(error, std::generic_category(), "helper thread");
    }
}

HelperThread::~HelperThread()
{
    pthread_join(m_thread, nullptr);
}

void *HelperThread::run(void *self)
{
    auto *start = static_cast<Start *>(self);
    HelperThread *helper = start->helper;
    // Running now: the scheduler may move it from here on, as it would any thread.
    if (CPU_COUNT(&start->allowed) > 0)
        sched_setaffinity(0, sizeof start->allowed, &start->allowed);
    delete start;
    helper->m_work();
    return nullptr;
}

#else

HelperThread::HelperThread(std::function<void()> work)
    : m_work(std::move(work))
    , m_thread([this] { m_work(); })
{
}

HelperThread::~HelperThread()
{
    m_thread.join();
}

#endif

} // namespace placard
