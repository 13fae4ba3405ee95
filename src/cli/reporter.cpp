#include "reporter.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <algorithm>
#include <iostream>

namespace pamphlet::cli {

namespace {

std::string clock_text(double seconds) {
    const long long s = static_cast<long long>(seconds + 0.5);
    std::string out = std::to_string(s / 60) + ":";
    if (s % 60 < 10) out += '0';
    return out + std::to_string(s % 60);
}

std::size_t terminal_width() {
    winsize size{};
    if (::ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
    return 80;
}

}  // namespace

Reporter::Reporter(const SourceFiles& sources, DiagnosticFormat format, bool progress)
    : sources_(sources), format_(format), progress_(progress) {}

Reporter::~Reporter() {
    stop();
}

void Reporter::stop() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
        clear_locked();
    }
    wake_.notify_all();
    if (ticker_.joinable()) ticker_.join();
}

void Reporter::planned(const std::vector<JobReport>&, std::size_t to_run) {
    const std::lock_guard<std::mutex> lock(mutex_);
    to_run_ = to_run;
    start_ = std::chrono::steady_clock::now();
    // Redrawn every second too: elapsed time moves while a long job runs.
    if (progress_ && to_run > 0 && !ticker_.joinable()) ticker_ = std::thread([this] { tick(); });
}

void Reporter::started(const JobReport& job) {
    const std::lock_guard<std::mutex> lock(mutex_);
    running_.push_back(job.id);
    draw_locked();
}

void Reporter::finished(const JobReport& job, std::size_t done, std::size_t to_run) {
    const std::lock_guard<std::mutex> lock(mutex_);
    done_ = done;
    to_run_ = to_run;
    running_.erase(std::remove(running_.begin(), running_.end(), job.id), running_.end());
    draw_locked();
}

void Reporter::diagnostic(const Diagnostic& d, const JobReport* job) {
    const std::lock_guard<std::mutex> lock(mutex_);
    clear_locked();
    if (format_ == DiagnosticFormat::json) {
        std::cerr << diagnostic_json(d, job != nullptr ? std::string_view(job->id) : "") << '\n';
    } else {
        std::cerr << format_diagnostic(d, &sources_);
    }
    std::cerr.flush();
    draw_locked();
}

void Reporter::clear_locked() {
    if (!drawn_) return;
    std::cerr << "\r\033[K" << std::flush;
    drawn_ = false;
}

void Reporter::draw_locked() {
    if (!progress_ || stopping_ || to_run_ == 0) return;
    const double elapsed =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::string line =
        "[" + std::to_string(done_) + "/" + std::to_string(to_run_) + "] " + clock_text(elapsed);
    if (done_ > 0 && done_ < to_run_) {
        const double left =
            elapsed / static_cast<double>(done_) * static_cast<double>(to_run_ - done_);
        line += ", about " + clock_text(left) + " left";
    }
    if (!running_.empty()) line += "  " + running_.front();
    if (running_.size() > 1) line += " (+" + std::to_string(running_.size() - 1) + ")";
    const std::size_t width = terminal_width();
    if (line.size() >= width) line.resize(width - 1);
    std::cerr << "\r\033[K" << line << std::flush;
    drawn_ = true;
}

void Reporter::tick() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stopping_) {
        wake_.wait_for(lock, std::chrono::seconds(1));
        if (!stopping_) draw_locked();
    }
}

}  // namespace pamphlet::cli
