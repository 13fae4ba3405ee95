#include "pamphlet/base/threads.hpp"

#include <sched.h>

#include <algorithm>
#include <thread>
#include <vector>

namespace pamphlet {

int usable_cores() {
    cpu_set_t cores;
    CPU_ZERO(&cores);
    if (sched_getaffinity(0, sizeof cores, &cores) == 0 && CPU_COUNT(&cores) > 0)
        return CPU_COUNT(&cores);
    return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void run_parallel(std::size_t count, int threads, const std::function<void(std::size_t)>& work,
                  const std::atomic<bool>* cancel) {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        for (;;) {
            if (cancel != nullptr && cancel->load()) return;
            const std::size_t k = next.fetch_add(1);
            if (k >= count) return;
            work(k);
        }
    };
    const std::size_t helpers =
        std::min<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), count);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < helpers; ++t) pool.emplace_back(worker);
    worker();
    for (std::thread& thread : pool) thread.join();
}

BackgroundWork::BackgroundWork(bool threaded, std::size_t max_waiting)
    : threaded_(threaded), max_waiting_(std::max<std::size_t>(max_waiting, 1)) {}

BackgroundWork::~BackgroundWork() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable()) worker_.join();
}

std::size_t BackgroundWork::push(std::function<void()> work) {
    if (!threaded_) {
        work();
        ++finished_;
        return pushed_++;
    }
    std::unique_lock<std::mutex> lock(mutex_);
    if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
    changed_.wait(lock, [&] { return pushed_ - finished_ < max_waiting_; });
    const std::size_t piece = pushed_++;
    waiting_.push_back(Piece{piece, std::move(work)});
    finished_after_.push_back(false);
    lock.unlock();
    changed_.notify_all();
    return piece;
}

bool BackgroundWork::is_done(std::size_t piece) const {
    return piece < finished_ ||
           (piece - finished_ < finished_after_.size() && finished_after_[piece - finished_]);
}

void BackgroundWork::finish(std::size_t piece) {
    finished_after_[piece - finished_] = true;
    while (!finished_after_.empty() && finished_after_.front()) {
        finished_after_.pop_front();
        ++finished_;
    }
}

void BackgroundWork::run_oldest(std::unique_lock<std::mutex>& lock) {
    Piece piece = std::move(waiting_.front());
    waiting_.pop_front();
    lock.unlock();
    piece.work();
    lock.lock();
    finish(piece.number);
    changed_.notify_all();
}

void BackgroundWork::help_or_wait(std::unique_lock<std::mutex>& lock) {
    if (waiting_.empty()) {
        changed_.wait(lock);
    } else {
        run_oldest(lock);
    }
}

bool BackgroundWork::done(std::size_t piece) {
    const std::lock_guard<std::mutex> lock(mutex_);
    return is_done(piece);
}

void BackgroundWork::wait(std::size_t piece) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!is_done(piece)) help_or_wait(lock);
}

void BackgroundWork::wait_all() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (finished_ != pushed_) help_or_wait(lock);
}

void BackgroundWork::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !waiting_.empty(); });
        if (waiting_.empty()) return;  // stopping, and everything pushed is done
        run_oldest(lock);
    }
}

}  // namespace pamphlet
