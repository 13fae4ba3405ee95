// Running the same work on every core: the batch's jobs, the collection's
// article files.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace pamphlet {

// The cores this process may run on (a job array's share, taskset), as nproc
// counts them; the machine's when that cannot be told.
int usable_cores();

// Calls work(0) … work(count - 1) on up to `threads` threads (the caller's
// among them), taking the items in that order; no new item starts once
// `cancel` (when given) is set.
void run_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                  const std::atomic<bool>* cancel = nullptr);

// Work handed to one background thread, taken in the order given, while
// the caller goes on (a page deflated while the next one is made). Each
// piece writes its result where its closure says; the caller reads it after
// done() or wait() says it is finished. A caller that waits takes pieces
// not yet begun and does them itself meanwhile, so that two cores share the
// work when the caller has nothing else to do: pieces may run on either
// thread and finish out of order. At most `max_waiting` pieces wait at a
// time (push blocks), which bounds the memory they hold. Not threaded,
// push() does the work itself (a one-core machine).
class BackgroundWork {
public:
    explicit BackgroundWork(bool threaded, std::size_t max_waiting = 8);
    ~BackgroundWork();  // finishes what was pushed
    BackgroundWork(const BackgroundWork&) = delete;
    BackgroundWork& operator=(const BackgroundWork&) = delete;

    // The piece's number: 0, 1, 2, … in push order. The work must not throw.
    std::size_t push(std::function<void()> work);
    bool done(std::size_t piece);
    void wait(std::size_t piece);
    void wait_all();

private:
    void run();
    // Holding the lock: whether the piece is done; marking one done.
    bool is_done(std::size_t piece) const;
    void finish(std::size_t piece);
    // Holding `lock` (released while the piece runs): does the oldest piece
    // not yet begun, and marks it done.
    void run_oldest(std::unique_lock<std::mutex>& lock);
    // Holding `lock`: does the oldest piece not yet begun, or, when none is
    // left, waits for a change.
    void help_or_wait(std::unique_lock<std::mutex>& lock);

    struct Piece {
        std::size_t number;
        std::function<void()> work;
    };

    bool threaded_;
    std::size_t max_waiting_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<Piece> waiting_;
    std::size_t pushed_ = 0;
    std::size_t finished_ = 0;         // pieces 0 … finished_ - 1 are done
    std::deque<bool> finished_after_;  // pieces finished_, finished_ + 1, …: done?
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace pamphlet
