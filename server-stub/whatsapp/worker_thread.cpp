#include "server-stub/whatsapp/worker_thread.h"

namespace inbox::relay::whatsapp {

void WorkerThread::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void WorkerThread::stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WorkerThread::wake() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    woken_ = true;
  }
  wake_.notify_all();
}

bool WorkerThread::stopping() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stopping_;
}

void WorkerThread::run() {
  for (;;) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (stopping_) return;
      woken_ = false;  // a wake from now on means work the round may not have seen
    }
    const std::chrono::milliseconds wait = round_();
    std::unique_lock<std::mutex> lock(mutex_);
    wake_.wait_for(lock, wait, [this] { return stopping_ || woken_; });
  }
}

}  // namespace inbox::relay::whatsapp
