// The 'spam' detector's examples: disguised contacts and pitches flag, ordinary chat and
// look-alikes (times, versions, prices, "I'm at home") pass. The conformance suite runs them all.

import type { DetectorExample } from '../detector.js';

export const SPAM_EXAMPLES: readonly DetectorExample[] = Object.freeze([
  { text: 'cheap watches, see example dot com', expect: { ads: 'flag' } },
  { text: 'email seller(at)example(dot)com for the price', expect: { ads: 'flag' } },
  { text: 'add me on wechat: abc123', expect: { ads: 'flag' } },
  { text: '加V：abc888 了解详情', expect: { ads: 'flag' } },
  { text: 'call five five five zero one zero zero now', expect: { ads: 'flag' } },
  { text: 'Make $5000 a week from home! Click here: bit.ly/x limited time offer', expect: { spam: 'flag', ads: 'flag' } },
  { text: '兼职刷单，日赚500，加我领红包', expect: { spam: 'flag' } },
  { text: 'BUY BUY BUY BUY BUY BUY BUY BUY BUY BUY BUY BUY!!!!!!!!!!!!!!!!!!!!', expect: { spam: 'flag' } },
  { text: 'are we still on for lunch? free tomorrow?', expect: { spam: 'pass', ads: 'pass' } },
  { text: "I'm at home, see you at 5. Dot the i's.", expect: { ads: 'pass', spam: 'pass' } },
  { text: 'v1.2.3 is out: pi is 3.14, meet at 10:30 on 2024-05-01, price $19.99', expect: { ads: 'pass', spam: 'pass' } },
  { text: 'we will win the game tonight, act now or never', expect: { spam: 'pass' } },
  { text: '我们明天去吃饭吧，微信支付就行', expect: { ads: 'pass', spam: 'pass' } },
]);
