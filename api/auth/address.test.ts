import { describe, expect, test } from 'vitest';
import { addressKey } from './address';

describe('addressKey', () => {
  test.each([
    ['an IPv4 address as it is', '203.0.113.9', '203.0.113.9'],
    ['an IPv4-mapped IPv6 address unwrapped', '::ffff:203.0.113.9', '203.0.113.9'],
    ['an IPv6 address by its /64', '2001:db8:85a3:1:8a2e:370:7334:1', '2001:db8:85a3:1::/64'],
    ['another address of the same /64 alike', '2001:0DB8:85a3:0001::abcd', '2001:db8:85a3:1::/64'],
    ['a short IPv6 address padded', '2001:db8::1', '2001:db8:0:0::/64'],
    ['loopback', '::1', '0:0:0:0::/64'],
  ])('%s', (_, address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
