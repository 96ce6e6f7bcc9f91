// Passwords of 12 characters or more that appear at the top of published leaked-password lists,
// and keyboard or number runs common in Chinese usage. Compared in lower case.
const LIST = `
123456789012 1234567890123 12345678901234 123456789000 111111111111 000000000000 123123123123 121212121212
123456123456 112233445566 147258369147 159357159357 987654321098 098765432109 123321123321 520520520520
521521521521 520131413145 5201314520131 1314520131452 woaini123456 woaini1314520 iloveyou1234 iloveyou12345
password1234 password12345 password123456 passw0rd1234 p@ssw0rd1234 p@ssword1234 password1! password!234
qwertyuiop12 qwertyuiop123 qwertyuiopas 1qaz2wsx3edc 1qaz2wsx3edc4rfv qazwsxedcrfv qwerasdfzxcv zaq12wsxcde3
abcdefghijkl abcdefghijklm abc123456789 abcd12345678 a123456789012 aa1234567890 asdfghjkl123 asdfghjklqwe
admin1234567 admin12345678 admin123456789 administrator administrator1 root12345678 welcome12345 welcome123456
letmein12345 changeme1234 changeme12345 111222333444 zxcvbnm12345 zxcvbnmasdfg 1q2w3e4r5t6y 1q2w3e4r5t6y7u
q1w2e3r4t5y6 football1234 baseball1234 superman1234 iloveyou1314 sunshine1234 princess1234 dragon123456
monkey123456 master123456 shadow123456 michael12345 jennifer1234 computer1234 internet1234 whatever1234
trustno12345 starwars1234 chinese12345 zhongguo1234 zhongguo123456 chongqing123 chongqing1234 sichuan12345
chengdu12345 beijing12345 shanghai1234 huawei123456 xiaomi123456 tencent12345 baidu1234567 taobao123456
wangyi123456 aini13145200 woaiwojia123 1234qwerasdf qwer1234asdf asdf1234qwer 1234abcd1234 abcd1234abcd
`;

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(LIST.split(/\s+/).filter(Boolean));
