// The load generator of bench/relay_load in C++ (Boost.Beast, one thread): the Node generator
// (load_worker.mjs) saturates its event loop on this 2-core machine before the relay does (measured: 1.2 s of
// loop lag at p99 while receiving ~500k events/s), so its send->ack times measured the generator, not the relay.
//
//   relay_load_gen PORT CLIENTS RATE WARMUP_MS MEASURE_MS DRAIN_MS TOKENS_FILE CONVERSATIONS
//
// TOKENS_FILE: one session token per line (client i uses line i mod count); CONVERSATIONS: comma-separated ids.
// Opens CLIENTS WebSocket clients on ws://127.0.0.1:PORT/ws, says hello (last_seq 0), and once every client has
// its welcome sends send_message commands at RATE per second in total, round robin, for WARMUP_MS + MEASURE_MS.
// Prints "start" when the load begins, "window" when the measured window begins and "end" when it ends, then one
// JSON line with the results: send->ack percentiles of the commands sent inside the window, the events every
// client received inside the window (an events frame is counted by its "seq": keys; a text's quotes are escaped),
// and errors. Frames are read with string searches, not a JSON parser: the relay's frames have sorted keys.
#include <boost/asio.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/websocket.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace net = boost::asio;
namespace beast = boost::beast;
namespace websocket = beast::websocket;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Totals {
  uint64_t sent = 0, sent_in_window = 0, acked = 0, rejected = 0, error_frames = 0, closes = 0, socket_errors = 0;
  uint64_t events_in_window = 0, events_total = 0, welcomed = 0, connected = 0;
  std::vector<double> latencies_ms;
  std::vector<double> tick_lag_ms;
};

Totals totals;
Clock::time_point window_start = Clock::time_point::max();
Clock::time_point window_end = Clock::time_point::max();
bool stopping = false;
std::unordered_map<std::string, Clock::time_point> sent_at;

uint64_t count_seq(std::string_view text) {
  uint64_t n = 0;
  for (size_t i = text.find("\"seq\":"); i != std::string_view::npos; i = text.find("\"seq\":", i + 6)) ++n;
  return n;
}

std::string_view string_field(std::string_view text, std::string_view key) {
  const std::string pattern = "\"" + std::string(key) + "\":\"";
  const size_t at = text.find(pattern);
  if (at == std::string_view::npos) return {};
  const size_t begin = at + pattern.size();
  const size_t end = text.find('"', begin);
  return end == std::string_view::npos ? std::string_view{} : text.substr(begin, end - begin);
}

class Client : public std::enable_shared_from_this<Client> {
 public:
  Client(net::io_context& ioc, int index, std::string token) : ws_(net::make_strand(ioc)), index_(index), token_(std::move(token)) {}

  void start(const tcp::endpoint& endpoint) {
    beast::get_lowest_layer(ws_).async_connect(endpoint, [self = shared_from_this()](beast::error_code ec) {
      if (ec) return self->failed();
      beast::get_lowest_layer(self->ws_).expires_never();
      self->ws_.set_option(websocket::stream_base::timeout::suggested(beast::role_type::client));
      self->ws_.read_message_max(64 * 1024 * 1024);
      self->ws_.async_handshake("127.0.0.1", "/ws", [self](beast::error_code ec2) {
        if (ec2) return self->failed();
        ++totals.connected;
        self->open_ = true;
        self->send("{\"v\":1,\"type\":\"hello\",\"token\":\"" + self->token_ + "\",\"last_seq\":0}");
        self->read();
      });
    });
  }

  bool ready() const { return open_ && welcomed_; }

  void command(int conversation) {
    std::string id = "g" + std::to_string(index_) + "-" + std::to_string(next_++);
    std::string frame = "{\"v\":1,\"type\":\"command\",\"client_id\":\"" + id +
                        "\",\"command\":{\"type\":\"send_message\",\"conversation\":" + std::to_string(conversation) +
                        ",\"text\":\"load " + id + "\"}}";
    const auto now = Clock::now();
    ++totals.sent;
    if (now >= window_start && now < window_end) ++totals.sent_in_window;
    sent_at.emplace(std::move(id), now);
    send(std::move(frame));
  }

  void close() {
    if (!open_) return;
    open_ = false;
    beast::error_code ec;
    beast::get_lowest_layer(ws_).socket().close(ec);
  }

 private:
  void failed() {
    if (!stopping) ++totals.socket_errors;
    open_ = false;
  }

  void send(std::string text) {
    queue_.push_back(std::move(text));
    if (!writing_) write();
  }

  void write() {
    writing_ = true;
    ws_.text(true);
    ws_.async_write(net::buffer(queue_.front()), [self = shared_from_this()](beast::error_code ec, size_t) {
      self->queue_.pop_front();
      if (ec) { self->writing_ = false; return self->failed(); }
      if (self->queue_.empty()) self->writing_ = false;
      else self->write();
    });
  }

  void read() {
    ws_.async_read(buffer_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) {
        if (!stopping) ++totals.closes;
        self->open_ = false;
        return;
      }
      if (self->ws_.got_text()) self->on_text();
      self->buffer_.consume(self->buffer_.size());
      self->read();
    });
  }

  void on_text() {
    const auto data = buffer_.cdata();
    const std::string_view text(static_cast<const char*>(data.data()), data.size());
    const auto now = Clock::now();
    if (text.rfind("{\"events\":", 0) == 0) {
      const uint64_t n = count_seq(text);
      totals.events_total += n;
      if (now >= window_start && now < window_end) totals.events_in_window += n;
      return;
    }
    const bool ack = text.find("\"type\":\"ack\"") != std::string_view::npos;
    const bool reject = !ack && text.find("\"type\":\"reject\"") != std::string_view::npos;
    if (ack || reject) {
      auto it = sent_at.find(std::string(string_field(text, "client_id")));
      if (it == sent_at.end()) return;
      if (it->second >= window_start && it->second < window_end) {
        totals.latencies_ms.push_back(std::chrono::duration<double, std::milli>(now - it->second).count());
      }
      sent_at.erase(it);
      ++(ack ? totals.acked : totals.rejected);
    } else if (text.find("\"type\":\"welcome\"") != std::string_view::npos) {
      if (!welcomed_) ++totals.welcomed;
      welcomed_ = true;
    } else if (text.find("\"type\":\"error\"") != std::string_view::npos) {
      ++totals.error_frames;
      if (totals.error_frames <= 5) std::fprintf(stderr, "relay_load_gen: error frame %.*s\n", static_cast<int>(text.size()), text.data());
    }
  }

  websocket::stream<beast::tcp_stream> ws_;
  beast::flat_buffer buffer_;
  std::deque<std::string> queue_;
  int index_;
  std::string token_;
  uint64_t next_ = 0;
  bool open_ = false;
  bool writing_ = false;
  bool welcomed_ = false;
};

double percentile(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return -1;
  size_t rank = static_cast<size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
  rank = std::min(sorted.size(), std::max<size_t>(1, rank));
  return sorted[rank - 1];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 9) {
    std::fprintf(stderr, "usage: relay_load_gen PORT CLIENTS RATE WARMUP_MS MEASURE_MS DRAIN_MS TOKENS_FILE CONVERSATIONS\n");
    return 2;
  }
  const auto port = static_cast<unsigned short>(std::atoi(argv[1]));
  const int clients_count = std::atoi(argv[2]);
  const double rate = std::atof(argv[3]);
  const int warmup_ms = std::atoi(argv[4]);
  const int measure_ms = std::atoi(argv[5]);
  const int drain_ms = std::atoi(argv[6]);
  std::vector<std::string> tokens;
  {
    std::ifstream in(argv[7]);
    for (std::string line; std::getline(in, line);) if (!line.empty()) tokens.push_back(line);
  }
  std::vector<int> conversations;
  {
    std::string list = argv[8];
    for (size_t i = 0; i < list.size();) {
      size_t j = list.find(',', i);
      if (j == std::string::npos) j = list.size();
      conversations.push_back(std::atoi(list.substr(i, j - i).c_str()));
      i = j + 1;
    }
  }
  if (tokens.empty() || conversations.empty()) { std::fprintf(stderr, "relay_load_gen: no tokens or conversations\n"); return 2; }

  net::io_context ioc(1);
  const tcp::endpoint endpoint(net::ip::make_address("127.0.0.1"), port);
  std::vector<std::shared_ptr<Client>> clients;
  for (int i = 0; i < clients_count; ++i) {
    clients.push_back(std::make_shared<Client>(ioc, i, tokens[static_cast<size_t>(i) % tokens.size()]));
    clients.back()->start(endpoint);
  }

  net::steady_timer timer(ioc);
  const auto ready_deadline = Clock::now() + std::chrono::seconds(180);
  Clock::time_point t0{};
  Clock::time_point drain_until{};
  Clock::time_point expected_tick{};
  uint64_t due_sent = 0;
  size_t next_client = 0;
  int phase = 0;  // 0 waiting for welcomes, 1 load, 2 drain
  std::function<void()> tick = [&] {
    const auto now = Clock::now();
    if (phase == 0) {
      if (totals.welcomed == static_cast<uint64_t>(clients_count) || now > ready_deadline) {
        phase = 1;
        t0 = now;
        window_start = t0 + std::chrono::milliseconds(warmup_ms);
        window_end = window_start + std::chrono::milliseconds(measure_ms);
        std::cout << "start" << std::endl;
      }
    } else if (phase == 1) {
      if (now >= window_start && now < window_end && expected_tick != Clock::time_point{}) {
        totals.tick_lag_ms.push_back(std::chrono::duration<double, std::milli>(now - expected_tick).count());
      }
      static bool window_said = false;
      if (!window_said && now >= window_start) { window_said = true; std::cout << "window" << std::endl; }
      if (now >= window_end) {
        phase = 2;
        drain_until = now + std::chrono::milliseconds(drain_ms);
        std::cout << "end" << std::endl;
      } else {
        const auto due = static_cast<uint64_t>(std::chrono::duration<double>(now - t0).count() * rate);
        for (; due_sent < due; ++due_sent) {
          Client& client = *clients[next_client];
          next_client = (next_client + 1) % clients.size();
          if (!client.ready()) continue;
          client.command(conversations[(due_sent * 7) % conversations.size()]);
        }
      }
    } else {
      uint64_t pending = 0;
      for (const auto& [id, at] : sent_at) pending += (at >= window_start && at < window_end) ? 1 : 0;
      if (pending == 0 || now >= drain_until) {
        stopping = true;
        std::sort(totals.latencies_ms.begin(), totals.latencies_ms.end());
        std::sort(totals.tick_lag_ms.begin(), totals.tick_lag_ms.end());
        const double seconds = measure_ms / 1000.0;
        std::printf(
            "{\"clients\":%d,\"welcomed\":%llu,\"sent\":%llu,\"sent_in_window\":%llu,\"answered_in_window\":%zu,"
            "\"acked\":%llu,\"rejected\":%llu,\"error_frames\":%llu,\"closes\":%llu,\"socket_errors\":%llu,"
            "\"unanswered\":%llu,\"p50_ms\":%.3f,\"p95_ms\":%.3f,\"p99_ms\":%.3f,\"max_ms\":%.3f,"
            "\"deliveries_per_s\":%.1f,\"commands_per_s\":%.1f,\"events_total\":%llu,"
            "\"generator_lag_p99_ms\":%.3f,\"generator_lag_max_ms\":%.3f}\n",
            clients_count, static_cast<unsigned long long>(totals.welcomed), static_cast<unsigned long long>(totals.sent),
            static_cast<unsigned long long>(totals.sent_in_window), totals.latencies_ms.size(),
            static_cast<unsigned long long>(totals.acked), static_cast<unsigned long long>(totals.rejected),
            static_cast<unsigned long long>(totals.error_frames), static_cast<unsigned long long>(totals.closes),
            static_cast<unsigned long long>(totals.socket_errors), static_cast<unsigned long long>(pending),
            percentile(totals.latencies_ms, 50), percentile(totals.latencies_ms, 95), percentile(totals.latencies_ms, 99),
            totals.latencies_ms.empty() ? -1.0 : totals.latencies_ms.back(), totals.events_in_window / seconds,
            totals.latencies_ms.size() / seconds, static_cast<unsigned long long>(totals.events_total),
            percentile(totals.tick_lag_ms, 99), totals.tick_lag_ms.empty() ? -1.0 : totals.tick_lag_ms.back());
        std::fflush(stdout);
        for (auto& client : clients) client->close();
        ioc.stop();
        return;
      }
    }
    expected_tick = Clock::now() + std::chrono::milliseconds(1);
    timer.expires_at(expected_tick);
    timer.async_wait([&](beast::error_code ec) { if (!ec) tick(); });
  };
  tick();
  ioc.run();
  return 0;
}
