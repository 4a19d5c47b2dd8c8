#include "crm/decimal.hpp"

#include <algorithm>
#include <stdexcept>

namespace crm {

__int128 Decimal::pow10(int n) {
  __int128 p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

std::optional<Decimal> Decimal::parse(std::string_view t) {
  if (t.empty()) return std::nullopt;
  bool negative = false;
  size_t i = 0;
  if (t[0] == '-' || t[0] == '+') negative = t[0] == '-', i = 1;
  __int128 units = 0;
  int scale = 0, digits = 0;
  bool point = false;
  for (; i < t.size(); ++i) {
    char c = t[i];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    ++digits;
    units = units * 10 + (c - '0');
    if (point) ++scale;
    // 18 whole digits and 12 places: sums at a common scale and products by a
    // percentage stay far inside __int128.
    if ((point ? digits - scale : digits) > 18 || scale > 12) return std::nullopt;
  }
  if (digits == 0) return std::nullopt;
  return Decimal(negative ? -units : units, scale);
}

Decimal Decimal::with_scale(int scale) const {
  if (scale <= scale_) return *this;
  return Decimal(units_ * pow10(scale - scale_), scale);
}

Decimal Decimal::operator+(const Decimal& o) const {
  int s = std::max(scale_, o.scale_);
  return Decimal(with_scale(s).units_ + o.with_scale(s).units_, s);
}

Decimal Decimal::operator-(const Decimal& o) const {
  int s = std::max(scale_, o.scale_);
  return Decimal(with_scale(s).units_ - o.with_scale(s).units_, s);
}

Decimal Decimal::operator*(const Decimal& o) const {
  return Decimal(units_ * o.units_, scale_ + o.scale_).rounded(std::max(scale_ + o.scale_, 0));
}

static __int128 div_round(__int128 num, __int128 den) {
  bool negative = (num < 0) != (den < 0);
  if (num < 0) num = -num;
  if (den < 0) den = -den;
  __int128 q = num / den, r = num % den;
  if (r * 2 >= den) ++q;
  return negative ? -q : q;
}

Decimal Decimal::divide(const Decimal& by, int scale) const {
  if (by.units_ == 0) throw std::domain_error("division by zero");
  // (a/10^sa) / (b/10^sb) = a·10^(sb+scale-sa) / b  at 10^scale
  int shift = by.scale_ + scale - scale_;
  __int128 num = units_, den = by.units_;
  if (shift >= 0)
    num *= pow10(shift);
  else
    den *= pow10(-shift);
  return Decimal(div_round(num, den), scale);
}

Decimal Decimal::rounded(int scale) const {
  if (scale >= scale_) return with_scale(scale);
  return Decimal(div_round(units_, pow10(scale_ - scale)), scale);
}

int Decimal::compare(const Decimal& o) const {
  int s = std::max(scale_, o.scale_);
  __int128 a = with_scale(s).units_, b = o.with_scale(s).units_;
  return a < b ? -1 : (a > b ? 1 : 0);
}

static std::string digits_of(__int128 v) {
  if (v == 0) return "0";
  std::string out;
  while (v > 0) {
    out += static_cast<char>('0' + static_cast<int>(v % 10));
    v /= 10;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string Decimal::str() const {
  __int128 u = units_ < 0 ? -units_ : units_;
  std::string d = digits_of(u);
  if (static_cast<int>(d.size()) <= scale_) d.insert(0, static_cast<size_t>(scale_) - d.size() + 1, '0');
  std::string whole = d.substr(0, d.size() - static_cast<size_t>(scale_));
  std::string frac = d.substr(d.size() - static_cast<size_t>(scale_));
  while (!frac.empty() && frac.back() == '0') frac.pop_back();
  std::string out = (units_ < 0 ? "-" : "") + whole;
  if (!frac.empty()) out += "." + frac;
  return out;
}

std::string Decimal::format(int decimals, char thousands) const {
  Decimal r = rounded(decimals);
  __int128 u = r.units_ < 0 ? -r.units_ : r.units_;
  std::string d = digits_of(u);
  if (static_cast<int>(d.size()) <= decimals) d.insert(0, static_cast<size_t>(decimals) - d.size() + 1, '0');
  std::string whole = d.substr(0, d.size() - static_cast<size_t>(decimals));
  std::string frac = d.substr(d.size() - static_cast<size_t>(decimals));
  std::string grouped;
  for (size_t i = 0; i < whole.size(); ++i) {
    if (i && (whole.size() - i) % 3 == 0 && thousands) grouped += thousands;
    grouped += whole[i];
  }
  std::string out = (r.units_ < 0 ? "-" : "") + grouped;
  if (decimals > 0) out += "." + frac;
  return out;
}

}  // namespace crm
