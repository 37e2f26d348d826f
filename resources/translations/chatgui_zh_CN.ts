<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AddressChooser</name>
        <message>
            <source>Addresses found</source>
            <translation>找到的地址</translation>
        </message>
        <message>
            <source>Choose an address</source>
            <translation>选择一个地址</translation>
        </message>
        <message>
            <source>Link-local: works only from a computer on the same network link.</source>
            <translation>链路本地地址：只有同一网络链路上的计算机能用。</translation>
        </message>
        <message>
            <source>What was pasted holds several addresses. Which one should be used?</source>
            <translation>粘贴的内容里有多个地址。要用哪一个？</translation>
        </message>
    </context>
    <context>
        <name>AddressEntry</name>
        <message>
            <source>The Host field holds several addresses — choose one, then press Connect again.</source>
            <translation>“主机”栏里有多个地址——选一个，然后再按“连接”。</translation>
        </message>
    </context>
    <context>
        <name>Addresses</name>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>An IPv6 address with a port needs brackets, so the port is not read as part of the address — type {suggestion}.</source>
            <translation>带端口的 IPv6 地址要加方括号，端口才不会被当成地址的一部分——请输入 {suggestion}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>Type the other computer's address, e.g. 192.168.1.5:50007.</source>
            <translation>请输入对方计算机的地址，例如 192.168.1.5:50007。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>“{port}” is not a port — after the colon, type a number from 1 to 65535, e.g. 192.168.1.5:50007.</source>
            <translation>“{port}”不是端口——冒号后面请输入 1 到 65535 之间的数字，例如 192.168.1.5:50007。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>“{text}” has a bracket without its partner — write IPv6 addresses with a port as [fd00::2]:50007.</source>
            <translation>“{text}”里的方括号不成对——带端口的 IPv6 地址请写成 [fd00::2]:50007。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>“{text}” is not an address — type a name or an IP address, with the port after a colon: 192.168.1.5:50007, [fd00::2]:50007 or my-pc.local:50007.</source>
            <translation>“{text}”不是地址——请输入名称或 IP 地址，端口写在冒号后面：192.168.1.5:50007、[fd00::2]:50007 或 my-pc.local:50007。</translation>
        </message>
    </context>
    <context>
        <name>AddressesBar</name>
        <message>
            <source>(link-local)</source>
            <translation>（链路本地）</translation>
        </message>
        <message>
            <source>Address {address}</source>
            <translation>地址 {address}</translation>
        </message>
        <message>
            <source>Addresses to join</source>
            <translation>可用于加入的地址</translation>
        </message>
        <message>
            <source>All addresses…</source>
            <translation>全部地址…</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy {address}</source>
            <translation>复制 {address}</translation>
        </message>
        <message>
            <source>Copy {address} to the clipboard.</source>
            <translation>把 {address} 复制到剪贴板。</translation>
        </message>
        <message>
            <source>Every address of this computer</source>
            <translation>本机的全部地址</translation>
        </message>
        <message>
            <source>Every address of this computer, with who can use it.</source>
            <translation>本机的全部地址，以及谁能使用它们。</translation>
        </message>
        <message>
            <source>Only this computer can join</source>
            <translation>只有本机能加入</translation>
        </message>
        <message>
            <source>Others can join at</source>
            <translation>其他人可以从这里加入</translation>
        </message>
        <message>
            <source>Others can send to</source>
            <translation>其他人可以发送到</translation>
        </message>
        <message>
            <source>Tell the other person this address, or copy it.</source>
            <translation>把这个地址告诉对方，或者复制它。</translation>
        </message>
        <message>
            <source>This computer has no network address other than itself (127.0.0.1:{port}).</source>
            <translation>本机除了自身（127.0.0.1:{port}）以外没有其他网络地址。</translation>
        </message>
        <message>
            <source>Works only from a computer on the same network link.</source>
            <translation>只有同一网络链路上的计算机能用。</translation>
        </message>
    </context>
    <context>
        <name>AddressesPanel</name>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Copy {address}</source>
            <translation>复制 {address}</translation>
        </message>
        <message>
            <source>Copy {address} to the clipboard.</source>
            <translation>把 {address} 复制到剪贴板。</translation>
        </message>
        <message>
            <source>This computer has no network address.</source>
            <translation>本机没有网络地址。</translation>
        </message>
        <message>
            <source>This computer's addresses</source>
            <translation>本机的地址</translation>
        </message>
        <message>
            <source>others on the network can use this</source>
            <translation>网络上的其他人可以使用</translation>
        </message>
        <message>
            <source>same network link only</source>
            <translation>仅限同一网络链路</translation>
        </message>
        <message>
            <source>this computer only</source>
            <translation>仅限本机</translation>
        </message>
    </context>
    <context>
        <name>ArrivalPlot</name>
        <message>
            <source>arrival order (0 = first to arrive)</source>
            <translation>到达顺序（0 = 最先到达）</translation>
        </message>
        <message>
            <source>sequence number</source>
            <translation>序号</translation>
        </message>
    </context>
    <context>
        <name>BoundariesView</name>
        <message>
            <source>As they arrive: the receiver reads each write's bytes before the next write, so writes do not merge but a small recv() splits them. Once everything arrived: the writes wait together in the kernel and one recv() takes several (粘包).</source>
            <translation>边到边读：接收方在下一次写入之前就读走这次写入的字节，所以写入不会粘在一起，但较小的 recv() 会把它们拆开。全部到达后再读：几次写入一起等在内核里，一次 recv() 就取走好几次（粘包）。</translation>
        </message>
        <message>
            <source>Boundaries status</source>
            <translation>消息边界状态</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>字节</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>调用</translation>
        </message>
        <message>
            <source>Framing</source>
            <translation>分帧</translation>
        </message>
        <message>
            <source>Framing:</source>
            <translation>分帧：</translation>
        </message>
        <message>
            <source>Hex</source>
            <translation>十六进制</translation>
        </message>
        <message>
            <source>How many bytes each recv() may return. Smaller than a message, it cuts the message across reads (拆包). UDP's recvfrom() always takes a whole datagram.</source>
            <translation>每次 recv() 最多返回多少字节。比一条消息小时，这条消息会被拆到几次读取中（拆包）。UDP 的 recvfrom() 总是取走整个数据报。</translation>
        </message>
        <message>
            <source>How the sender marks message ends and how the receiver finds them. Changing it re-reads the bytes already received; send again to frame them this way too.</source>
            <translation>发送方如何标记消息结尾，接收方如何找到它。更改后会重新解读已收到的字节；再发送一次，新消息也会按此方式分帧。</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Read with {0}, the framing they were written with: the messages come out as sent.</source>
            <translation>按{0}读取，也就是写入时用的分帧方式：消息和发送时一样。</translation>
        </message>
        <message>
            <source>Receive size</source>
            <translation>接收大小</translation>
        </message>
        <message>
            <source>Send three quick messages</source>
            <translation>快速发送三条消息</translation>
        </message>
        <message>
            <source>Sending over TCP…</source>
            <translation>正在通过 TCP 发送…</translation>
        </message>
        <message>
            <source>Sending over UDP…</source>
            <translation>正在通过 UDP 发送…</translation>
        </message>
        <message>
            <source>TCP carries a stream of bytes: the receiver's recv() may return two writes stuck together (粘包) or half of one (拆包). UDP keeps every datagram whole. A receiver needs framing to find where each message ends.</source>
            <translation>TCP 传输的是字节流：接收方的 recv() 可能把两次写入粘在一起返回（粘包），也可能只返回一次写入的一半（拆包）。UDP 则保持每个数据报完整。接收方需要分帧才能找到每条消息的结尾。</translation>
        </message>
        <message>
            <source>TCP receiver calls recv() with:</source>
            <translation>TCP 接收方调用 recv() 的大小：</translation>
        </message>
        <message>
            <source>TCP: {0} send() calls came out as {1} recv() results. UDP: {2} sendto() calls, {3} recvfrom() results.</source>
            <translation>TCP：{0} 次 send() 调用变成了 {1} 次 recv() 结果。UDP：{2} 次 sendto() 调用，{3} 次 recvfrom() 结果。</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文本</translation>
        </message>
        <message>
            <source>The table changed because the receiver now looks for {1}, but these bytes were written with {0}: it finds {2} message(s) where the sender wrote 3, cut in the wrong places or not at all. Send again to write them with {1}.</source>
            <translation>表格变了，因为接收方现在按{1}寻找消息，而这些字节是按{0}写入的：发送方写了 3 条，它却找到 {2} 条，切在了错误的位置或根本切不开。再发送一次，就会按{1}写入。</translation>
        </message>
        <message>
            <source>What the receiver's framing makes of it:</source>
            <translation>接收方的分帧方式把它解读为：</translation>
        </message>
        <message>
            <source>When the receiver reads</source>
            <translation>接收方何时读取</translation>
        </message>
        <message>
            <source>Why the messages changed</source>
            <translation>消息为何变了</translation>
        </message>
        <message>
            <source>Writes three short messages, one send() each, as fast as possible, over TCP and over UDP.</source>
            <translation>尽可能快地写出三条短消息，每条一次 send()，分别通过 TCP 和 UDP。</translation>
        </message>
        <message>
            <source>length-prefix framing</source>
            <translation>长度前缀分帧</translation>
        </message>
        <message>
            <source>length: a 4-byte big-endian length, then the bytes</source>
            <translation>长度前缀：先是 4 字节大端长度，再是内容字节</translation>
        </message>
        <message>
            <source>newline framing</source>
            <translation>换行分帧</translation>
        </message>
        <message>
            <source>newline: a message ends at \n</source>
            <translation>换行符：消息在 \n 处结束</translation>
        </message>
        <message>
            <source>no framing</source>
            <translation>不分帧</translation>
        </message>
        <message>
            <source>none: each recv() is a message</source>
            <translation>无：每次 recv() 就是一条消息</translation>
        </message>
        <message>
            <source>reading as the bytes arrive</source>
            <translation>边到边读</translation>
        </message>
        <message>
            <source>reading once everything has arrived</source>
            <translation>全部到达后再读</translation>
        </message>
        <message>
            <source>receiver: {0}</source>
            <translation>接收方：{0}</translation>
        </message>
        <message>
            <source>sender: {0}</source>
            <translation>发送方：{0}</translation>
        </message>
        <message>
            <source>{0} bytes</source>
            <translation>{0} 字节</translation>
        </message>
        <message>
            <source>{0} calls</source>
            <translation>{0} 次调用</translation>
        </message>
        <message>
            <source>{0} messages</source>
            <translation>{0} 条消息</translation>
        </message>
    </context>
    <context>
        <name>CheckPopover</name>
        <message>
            <source>Check results</source>
            <translation>检查结果</translation>
        </message>
        <message>
            <source>Checking {address}…</source>
            <translation>正在检查 {address}…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>Checks</name>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Checking {address} failed: {detail}.</source>
            <translation>检查 {address} 失败：{detail}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>No answer from {address} in 3 s: the address may be wrong, or a firewall drops the connection.</source>
            <translation>{address} 在 3 秒内没有应答：地址可能有误，或者防火墙丢弃了连接。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Nothing is listening at {address}: the computer answered that no program uses UDP port {port} — check the port and that chatgui is running there.</source>
            <translation>{address} 没有程序在监听：对方计算机回应说没有程序使用 UDP 端口 {port} —— 请检查端口，并确认那里正在运行 chatgui。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Nothing is listening at {address}: the computer is there, but no program accepts connections on port {port} — check the port and that the other side is hosting.</source>
            <translation>{address} 没有程序在监听：对方计算机在线，但没有程序在端口 {port} 上接受连接 —— 请检查端口，并确认对方正在主持房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Sent a probe to {address}, no chatgui answered: UDP gets no reply unless a chatgui peer runs there (a firewall may also drop it).</source>
            <translation>已向 {address} 发送探测包，但没有 chatgui 应答：除非那里运行着 chatgui，否则 UDP 不会收到任何回复（也可能被防火墙丢弃）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Type the other computer's address first, then check it.</source>
            <translation>请先输入对方计算机的地址，再进行检查。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{address} cannot be reached from this computer: no route to that network — check that both computers are on the same network (Wi-Fi or cable).</source>
            <translation>从本机无法到达 {address}：没有通往该网络的路由 —— 请确认两台计算机在同一网络（Wi-Fi 或有线）上。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{address} works: a chatgui peer answered in {ms} ms.</source>
            <translation>{address} 可用：一个 chatgui 在 {ms} 毫秒内应答。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{address} works: a program accepted the connection in {ms} ms.</source>
            <translation>{address} 可用：一个程序在 {ms} 毫秒内接受了连接。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{host} could not be found: check the spelling, or use the IP address shown on the host.</source>
            <translation>找不到 {host}：请检查拼写，或使用主机上显示的 IP 地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{port} is not a valid port — use a number from 1 to 65535.</source>
            <translation>{port} 不是有效的端口 —— 请使用 1 到 65535 之间的数字。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBar</name>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>1–{count} characters</source>
            <translation>1–{count} 个字符</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>A private room: with a passphrase, everything sent is encrypted, and only people who type the same passphrase can join or read it. It never leaves this computer. Leave it empty for an open room.</source>
            <translation>私密房间：设置口令后，发送的一切都会加密，只有输入相同口令的人才能加入或读取。口令永远不会离开这台计算机。留空则为开放房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Automatic</source>
            <translation>自动</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Broadcast</source>
            <translation>广播</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>CRLF (\r\n)</source>
            <translation>CRLF（\r\n）</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Check the address</source>
            <translation>检查地址</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>连接</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>断开</translation>
        </message>
        <message>
            <source>Disconnecting…</source>
            <translation>正在断开…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Encoding</source>
            <translation>编码</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Find out whether something answers at this address and port, without connecting.</source>
            <translation>不建立连接，检查这个地址和端口上是否有程序应答。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Generate a passphrase</source>
            <translation>生成口令</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Group</source>
            <translation>组播组</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Host</source>
            <translation>主机</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Host a room</source>
            <translation>主持房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Host a room others join, or join someone's room.</source>
            <translation>主持一个房间让别人加入，或加入别人的房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>How many routers a message may cross: 1 keeps it on this network segment.</source>
            <translation>一条消息最多能经过多少个路由器：1 表示只在本网段内。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>How raw text is turned into bytes and back — also for raw text received.</source>
            <translation>原始文本如何转换为字节，以及如何转换回来 —— 也适用于收到的原始文本。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Interface</source>
            <translation>网络接口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Join a group address: everyone in the group and port hears everyone.</source>
            <translation>加入一个组播地址：同一组和端口中的每个人都能收到所有人的消息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Keep the passphrase in this computer's keychain for this room, so it is filled in next time. It is never written to chatgui's settings file.</source>
            <translation>把这个房间的口令保存在本机的系统钥匙串中，下次自动填入。口令永远不会写入 chatgui 的设置文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>LF (\n)</source>
            <translation>LF（\n）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Leave empty to accept people on every network of this computer, or type one of its own addresses.</source>
            <translation>留空则接受来自本机所有网络的人，或者输入本机自己的某个地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Line ending</source>
            <translation>行尾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Listen on</source>
            <translation>监听地址</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Multicast</source>
            <translation>组播</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Multicast TTL</source>
            <translation>组播 TTL</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Multicast group</source>
            <translation>组播组</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>My UDP port</source>
            <translation>我的 UDP 端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>My port</source>
            <translation>我的端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Network interface</source>
            <translation>网络接口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Nickname</source>
            <translation>昵称</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Nickname rule</source>
            <translation>昵称规则</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>No line ending</source>
            <translation>无行尾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>No name typed: others will see you as “{nick}”.</source>
            <translation>没有输入名字：其他人将看到你叫“{nick}”。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>No system keychain was found on this computer, so chatgui cannot remember a passphrase safely; type it each time.</source>
            <translation>这台计算机上没有找到系统钥匙串，chatgui 无法安全地记住口令；请每次输入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Nothing in this name can be shown: others will see you as “{nick}”.</source>
            <translation>这个名字里没有可以显示的字符：其他人将看到你叫“{nick}”。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Others will see “{nick}”: invisible characters, line breaks and repeated spaces are left out.</source>
            <translation>其他人将看到“{nick}”：不可见字符、换行和连续空格会被去掉。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Peer</source>
            <translation>点对点</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Propose a strong passphrase of four common words, easy to read out to the others.</source>
            <translation>生成一个由四个常用单词组成的强口令，便于念给其他人听。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Protocol</source>
            <translation>协议</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Raw text</source>
            <translation>原始文本</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Raw text and a passphrase cannot go together: raw text is sent as typed, which anyone on the network can read. Turn off Raw text, or clear the passphrase.</source>
            <translation>原始文本和口令不能同时使用：原始文本按输入原样发送，网络上的任何人都能读到。请关闭“原始文本”，或清空口令。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Raw text mode</source>
            <translation>原始文本模式</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Remember passphrase</source>
            <translation>记住口令</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Room name</source>
            <translation>房间名称</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Send exactly what you type, with no chatgui framing — to talk to nc, socat or a plain socket script.</source>
            <translation>原样发送你输入的内容，不加 chatgui 分帧 —— 用于与 nc、socat 或普通的 socket 脚本通信。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Send to</source>
            <translation>发送到</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Send to everyone on this network who uses the same port.</source>
            <translation>发送给本网络中使用相同端口的所有人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Send to one computer's address; receive from anyone.</source>
            <translation>发送到某一台计算机的地址；接收来自任何人的消息。</translation>
        </message>
        <message>
            <source>Show the socket controls: TCP or UDP, role, address, port, raw text and encoding (View › Socket controls).</source>
            <translation>显示套接字控件：TCP 或 UDP、角色、地址、端口、原始文本和编码（视图 › 套接字控件）。</translation>
        </message>
        <message>
            <source>Socket controls</source>
            <translation>套接字控件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>TCP</source>
            <translation>TCP</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>TCP: a room with delivery guaranteed in order. UDP: single datagrams, no guarantee.</source>
            <translation>TCP：有序、可靠送达的房间。UDP：单个数据报，不保证送达。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>TTL</source>
            <translation>TTL</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Text encoding</source>
            <translation>文本编码</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The UDP port the other side receives on.</source>
            <translation>对方接收所用的 UDP 端口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>The UDP port this computer receives on; 0 (any) lets the system pick a free one.</source>
            <translation>本机接收所用的 UDP 端口；0（任意）表示由系统选择一个空闲端口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The address of the computer hosting the room (a name, IPv4 or IPv6).</source>
            <translation>主持房间的计算机的地址（主机名、IPv4 或 IPv6）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>The multicast group address (239.x.y.z or ff15::…). Everyone who joins the same group and port hears everyone else.</source>
            <translation>组播组地址（239.x.y.z 或 ff15::…）。加入同一组和端口的每个人都能收到其他所有人的消息。</translation>
        </message>
        <message>
            <source>The name others see in their list of rooms on this network.</source>
            <translation>其他人在本网络房间列表中看到的名称。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>The name others see next to your messages: 1 to {count} characters.</source>
            <translation>其他人在你的消息旁看到的名字：1 到 {count} 个字符。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>The name others will see</source>
            <translation>其他人将看到的名字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The other computer's address. Leave it empty to answer whoever sends to this computer's UDP port.</source>
            <translation>对方计算机的地址。留空则回复任何发送到本机 UDP 端口的人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The port the host's room listens on.</source>
            <translation>主机房间监听的端口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The port your room listens on; others type it to join.</source>
            <translation>你的房间监听的端口；其他人输入它来加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>The system keychain did not keep the passphrase ({reason}); type it again next time.</source>
            <translation>系统钥匙串没有保存口令（{reason}）；下次请重新输入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Their port</source>
            <translation>对方端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>UDP</source>
            <translation>UDP</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>UDP has no rooms: every peer sends datagrams to the others.</source>
            <translation>UDP 没有房间：每个对等端都直接向其他人发送数据报。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Use the same port on every computer: chatgui sends and receives on it.</source>
            <translation>每台计算机使用相同的端口：chatgui 在这个端口上收发。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>What raw mode puts after each message you send.</source>
            <translation>原始文本模式在你发送的每条消息后面附加的内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Which network card to use; Automatic lets chatgui choose.</source>
            <translation>使用哪块网卡；选择“自动”则由 chatgui 决定。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Why Connect is disabled</source>
            <translation>为什么无法连接</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Your name</source>
            <translation>你的名字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>all interfaces</source>
            <translation>所有接口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>anyone who writes to me</source>
            <translation>任何给我发消息的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>none: an open room</source>
            <translation>无：开放房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>the host's address, e.g. 192.168.1.5</source>
            <translation>主机的地址，例如 192.168.1.5</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>your name in the room</source>
            <translation>你在房间里的名字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>{name} (not found)</source>
            <translation>{name}（未找到）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>{name} (this computer only)</source>
            <translation>{name}（仅限本机）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>{name} ({ip})</source>
            <translation>{name}（{ip}）</translation>
        </message>
        <message>
            <source>{nick}'s room</source>
            <translation>{nick} 的房间</translation>
        </message>
    </context>
    <context>
        <name>DelayLegend</name>
        <message>
            <source>10–50 ms more</source>
            <translation>多 10–50 毫秒</translation>
        </message>
        <message>
            <source>200 ms or more (a resend's wait)</source>
            <translation>多 200 毫秒以上（等待重传）</translation>
        </message>
        <message>
            <source>50–200 ms more</source>
            <translation>多 50–200 毫秒</translation>
        </message>
        <message>
            <source>Delivered, round trip compared with the run's fastest:</source>
            <translation>已送达，往返时间与本次最快的相比：</translation>
        </message>
        <message>
            <source>on time (under 10 ms more)</source>
            <translation>准时（多不到 10 毫秒）</translation>
        </message>
    </context>
    <context>
        <name>Discovery</name>
        <message>
            <source>Finding rooms on this network is not possible: {reason} — you can still type an address.</source>
            <translation>无法在本网络上查找房间：{reason} —— 你仍然可以手动输入地址。</translation>
        </message>
        <message>
            <source>it is turned off ({setting})</source>
            <translation>该功能已关闭（{setting}）</translation>
        </message>
        <message>
            <source>others on this network keep taking the room's name</source>
            <translation>网络上的其他人一再占用这个房间名</translation>
        </message>
        <message>
            <source>the system refused multicast ({detail})</source>
            <translation>系统拒绝了组播（{detail}）</translation>
        </message>
        <message>
            <source>this computer has no network connection</source>
            <translation>本机没有网络连接</translation>
        </message>
    </context>
    <context>
        <name>Events</name>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>A plain-text program (not chatgui) connected.</source>
            <translation>一个纯文本程序（不是 chatgui）已连接。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>A plain-text program disconnected.</source>
            <translation>一个纯文本程序已断开。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Back in the room at {address}.</source>
            <translation>已回到 {address} 的房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connected to {remote} (from {local}).</source>
            <translation>已连接到 {remote}（本地 {local}）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connection lost — reconnecting to {address} in {seconds} s (attempt {attempt})…</source>
            <translation>连接已断开 —— {seconds} 秒后重新连接 {address}（第 {attempt} 次尝试）…</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Disconnected.</source>
            <translation>已断开。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>In the room: {nicks}.</source>
            <translation>房间里有：{nicks}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Listening on port {port} ({addresses}).</source>
            <translation>正在监听端口 {port}（{addresses}）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Listening on port {port}; every message goes to {destination} ({interface}).</source>
            <translation>正在监听端口 {port}；每条消息都发往 {destination}（{interface}）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Listening on port {port}; every message goes to {destination}.</source>
            <translation>正在监听端口 {port}；每条消息都发往 {destination}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Nobody is in the room.</source>
            <translation>房间里没有人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Private room: everything is encrypted. Room code {code} — the other side sees the same code unless someone is in between.</source>
            <translation>私密房间：所有内容都已加密。房间代码 {code} —— 对方看到的代码相同，除非中间有人插手。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The name {requested} is taken in this room; you are {nick} here.</source>
            <translation>名字 {requested} 在这个房间里已被占用；你在这里叫 {nick}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The session has ended.</source>
            <translation>会话已结束。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} connected (plain text, not chatgui).</source>
            <translation>{address} 已连接（纯文本，不是 chatgui）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} disconnected.</source>
            <translation>{address} 已断开。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} ({address}) left (not heard from for {seconds} s).</source>
            <translation>{nick}（{address}）已离开（{seconds} 秒没有收到对方的消息）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} ({address}) left.</source>
            <translation>{nick}（{address}）已离开。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} joined from {address}.</source>
            <translation>{nick} 从 {address} 加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} joined.</source>
            <translation>{nick} 已加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} left.</source>
            <translation>{nick} 已离开。</translation>
        </message>
    </context>
    <context>
        <name>FateLegend</name>
        <message>
            <source>delivered once, in order</source>
            <translation>按顺序送达一次</translation>
        </message>
        <message>
            <source>duplicated</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>late (out of order)</source>
            <translation>迟到（乱序）</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>丢失</translation>
        </message>
        <message>
            <source>not yet arrived</source>
            <translation>尚未到达</translation>
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>Files go only between chatgui apps — turn raw mode off to send one.</source>
            <translation>文件只能在 chatgui 应用之间传送 —— 请关闭原始模式后再发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>cancelled</source>
            <translation>已取消</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>done</source>
            <translation>完成</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>it cannot be read</source>
            <translation>无法读取</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>it cannot be written: {reason}</source>
            <translation>无法写入：{reason}</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>over the room's limit</source>
            <translation>超过了房间的上限</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the connection ended before the end — a new offer of the same file resumes it</source>
            <translation>连接在传完之前就结束了 —— 同一文件的新提供会从断点继续</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the disk refused it</source>
            <translation>磁盘拒绝了写入</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the file arrived changed (its SHA-256 differs) — it was deleted; try again</source>
            <translation>收到的文件已被改变（SHA-256 不同）—— 已删除；请重试</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the file changed on the sender's disk since it was offered</source>
            <translation>提供之后，发送方磁盘上的文件已被改动</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the offer is no longer there</source>
            <translation>该提供已不存在</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the other side broke the protocol</source>
            <translation>对方违反了协议</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the same file is already being received into that folder</source>
            <translation>同一个文件已经在接收到该文件夹中</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender is busy with other transfers — try again in a moment</source>
            <translation>发送方正忙于其他传输 —— 请稍后再试</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender refused ({reason})</source>
            <translation>发送方拒绝了（{reason}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender's computer cannot be reached: {reason} — a firewall may block its file port</source>
            <translation>无法连接到发送方的计算机：{reason} —— 可能是防火墙挡住了它的文件端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender's computer did not answer — a firewall may block its file port</source>
            <translation>发送方的计算机没有应答 —— 可能是防火墙挡住了它的文件端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{nick} ({address}) offered a file of {size} bytes, over your limit of {limit} bytes — it is not shown.</source>
            <translation>{nick}（{address}）提供了一个 {size} 字节的文件，超过了你 {limit} 字节的上限 —— 不予显示。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{path} cannot be offered: it is not a file — choose a file.</source>
            <translation>{path} 无法提供：它不是文件 —— 请选择一个文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{path} cannot be offered: {reason} — choose a file you can open.</source>
            <translation>{path} 无法提供：{reason} —— 请选择一个你能打开的文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{path} is {size} bytes, over this room's limit of {limit} bytes — it is not offered.</source>
            <translation>{path} 有 {size} 字节，超过了本房间 {limit} 字节的上限 —— 没有提供它。</translation>
        </message>
    </context>
    <context>
        <name>HelpDialogs</name>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Check tells whether anything answers at an address before you join it.</source>
            <translation>“检查”可在加入之前看看某个地址是否有程序应答。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Host a room: type your name, press “Host a room…” and tell the others one of the addresses shown under “Others can join at” (each has its own Copy button). The room lasts as long as you host it.</source>
            <translation>主持房间：输入你的名字，按“主持房间…”，再把“其他人可通过以下地址加入”下列出的一个地址告诉别人（每个地址都有自己的“复制”按钮）。你主持多久，房间就存在多久。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>How to chat</source>
            <translation>如何聊天</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>How to read the lab</source>
            <translation>如何看懂实验室</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Join a room: double-click it in the list of rooms on this network, or press “Join by address…” and type or paste the address the host told you (for example 192.168.1.20:50007).</source>
            <translation>加入房间：在本网络的房间列表中双击它，或按“按地址加入…”，输入或粘贴主持人告诉你的地址（例如 192.168.1.20:50007）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Private rooms: give a room a passphrase and everything in it is encrypted; only people who type the same passphrase can join or read it. Compare the room code with the other side: the same code means nobody is in between.</source>
            <translation>私密房间：给房间设一个口令，房间里的一切都会加密；只有输入相同口令的人才能加入或读到内容。和对方核对房间代码：代码相同，说明中间没有人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Ticks: ✓ beside your message means it arrived — at the host, who passes it to everyone in the room. On the host's own messages, ✓ means it was passed to every member's connection. ✗ means it was not delivered: send it again.</source>
            <translation>勾号：你的消息旁的 ✓ 表示它已送达主持人，由主持人转给房间里的每个人。在主持人自己的消息上，✓ 表示它已交给每位成员的连接。✗ 表示没有送达：请重新发送。</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>The history file {path} cannot be used: {detail}</source>
            <translation>无法使用历史记录文件 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>event</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>raw text</source>
            <translation>原始文本</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>received</source>
            <translation>收到</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>sender</source>
            <translation>发送者</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>text</source>
            <translation>内容</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>time</source>
            <translation>时间</translation>
        </message>
    </context>
    <context>
        <name>HistoryBrowser</name>
        <message>
            <source>&amp;Open</source>
            <translation>打开(&amp;O)</translation>
        </message>
        <message>
            <source>About the history</source>
            <translation>关于历史记录</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史记录</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>最近活动</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息数</translation>
        </message>
        <message>
            <source>No history</source>
            <translation>没有历史记录</translation>
        </message>
        <message>
            <source>No history yet: the rooms you join or host are listed here.</source>
            <translation>还没有历史记录：你加入或创建的房间会列在这里。</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>房间</translation>
        </message>
        <message>
            <source>Rooms with history</source>
            <translation>有历史记录的房间</translation>
        </message>
        <message>
            <source>Rooms you have been in. Open one to read, search or export it — no connection needed.</source>
            <translation>你去过的房间。打开一个即可阅读、搜索或导出——无需连接。</translation>
        </message>
    </context>
    <context>
        <name>HistoryWindow</name>
        <message>
            <source>Export CSV…</source>
            <translation>导出为 CSV…</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>导出为 JSON…</translation>
        </message>
        <message>
            <source>Export text…</source>
            <translation>导出为文本…</translation>
        </message>
        <message>
            <source>History — {room}</source>
            <translation>历史记录——{room}</translation>
        </message>
        <message>
            <source>Read only</source>
            <translation>只读</translation>
        </message>
        <message>
            <source>Saved conversation</source>
            <translation>保存的对话</translation>
        </message>
        <message>
            <source>Saved history of {room}: read only. Ctrl+F finds in it.</source>
            <translation>{room} 的已保存历史记录：只读。按 Ctrl+F 在其中查找。</translation>
        </message>
    </context>
    <context>
        <name>HostRoomDialog</name>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Generate</source>
            <translation>生成</translation>
        </message>
        <message>
            <source>Generate a passphrase</source>
            <translation>生成口令</translation>
        </message>
        <message>
            <source>Host a room</source>
            <translation>主持房间</translation>
        </message>
        <message>
            <source>Host the room</source>
            <translation>主持房间</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Remember passphrase</source>
            <translation>记住口令</translation>
        </message>
        <message>
            <source>Room name</source>
            <translation>房间名称</translation>
        </message>
        <message>
            <source>The name others see in their list of rooms on this network.</source>
            <translation>其他人在本网络房间列表中看到的名称。</translation>
        </message>
        <message>
            <source>The port your room listens on; others type it to join.</source>
            <translation>你的房间监听的端口；其他人输入它来加入。</translation>
        </message>
        <message>
            <source>Where the room listens</source>
            <translation>房间在哪里监听</translation>
        </message>
        <message>
            <source>With a passphrase the room is private: everything sent is encrypted, and only people who type the same passphrase can join. Leave it empty for an open room.</source>
            <translation>有口令的房间是私密房间：发送的一切都会加密，只有输入相同口令的人才能加入。留空则是开放房间。</translation>
        </message>
        <message>
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <source>none: an open room</source>
            <translation>无：开放房间</translation>
        </message>
    </context>
    <context>
        <name>JoinAddressDialog</name>
        <message>
            <source>Address</source>
            <translation>地址</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <source>Join by address</source>
            <translation>按地址加入</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>端口</translation>
        </message>
        <message>
            <source>Type the address the host gave you. A private room also needs its passphrase.</source>
            <translation>输入主持人告诉你的地址。私密房间还需要它的口令。</translation>
        </message>
        <message>
            <source>none: an open room</source>
            <translation>无：开放房间</translation>
        </message>
        <message>
            <source>the host's address, e.g. 192.168.1.5</source>
            <translation>主机的地址，例如 192.168.1.5</translation>
        </message>
    </context>
    <context>
        <name>LabController</name>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>Cannot answer lab runs on port {port}: {reason}.</source>
            <translation>无法在端口 {port} 上应答实验：{reason}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>Nobody answers lab traffic at {peer}: start 'lab-peer' there, or check the port.</source>
            <translation>{peer} 上没有程序应答实验流量：请在那里启动 lab-peer，或检查端口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>The lab could not run: {reason}.</source>
            <translation>实验无法运行：{reason}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>The lab settings are not valid ({detail}): check the peer address and the numbers.</source>
            <translation>实验设置无效（{detail}）：请检查对端地址和各项数值。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>{peer} did not answer in time: check the address and the firewall.</source>
            <translation>{peer} 没有及时应答：请检查地址和防火墙。</translation>
        </message>
    </context>
    <context>
        <name>LabHelp</name>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>A picture, both ways: the same picture over TCP and over UDP at once, sent as its pixels, a few rows per datagram. TCP's arrives whole, later; UDP's on time, with a grey band for every datagram lost. Save as PNG keeps both pictures with the version, conditions and seed.</source>
            <translation>一张图片，两种方式：同一张图片同时经 TCP 和 UDP 以像素发送，每个数据报几行。TCP 的完整到达，但更晚；UDP 的准时到达，每丢一个数据报就有一条灰带。“保存为 PNG”会连同版本、条件和种子保存两幅图片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Lifecycle shows TCP's handshake and goodbye against UDP's lone datagrams, and what happens when nobody listens. Export CSV, Export JSON and Save pictures write the run with the version, the conditions and the seed that produced it: the same seed and settings repeat the same run.</source>
            <translation>“生命周期”对比 TCP 的握手与告别和 UDP 孤零零的数据报，并演示没人监听时会发生什么。导出 CSV、导出 JSON 和保存图片都会写明产生这次运行的版本、条件和随机种子：相同的种子和设置会重现同样的运行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Measured and modelled: what arrived, when and in what order, and every round trip, is measured. TCP's losses on this computer are modelled: chatgui held the messages back as TCP would after losing their packets; no TCP packet was really lost. To see the kernel's own TCP recover from real loss, run lab-peer behind a lossy path (the README's nft recipe).</source>
            <translation>实测与模拟：到达了什么、何时、以什么顺序，以及每次往返时间，都是实测的。这台电脑上 TCP 的丢包是模拟的：chatgui 像 TCP 丢包后那样扣住消息；实际上没有任何 TCP 包丢失。要看内核自己的 TCP 从真实丢包中恢复，请在一条会丢包的路径后面运行 lab-peer（README 中的 nft 方法）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Message boundaries (粘包 / 拆包): TCP carries bytes, not messages. Read as the bytes arrive with a small recv() size, one message is cut across reads; read once everything has arrived, several writes come out of one recv(). Choose a framing (newline or a length prefix) to see how a receiver finds the messages again. UDP keeps each datagram whole.</source>
            <translation>消息边界（粘包 / 拆包）：TCP 传送的是字节，不是消息。用较小的 recv() 边到边读，一条消息会被拆到几次读取中；全部到达后再读，几次写入会从一次 recv() 中一起出来。选择一种分帧方式（换行或长度前缀），看接收方如何重新找出消息。UDP 让每个数据报保持完整。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>The figures: Elapsed is the time from the first send to the last echo. A round trip is measured per message; p50 is the median, p95 the time 95 of 100 messages beat. By default the messages are paced (1,000 a second), so the round trips show the path. Sent as fast as possible, they leave in one burst and queue behind each other, and the round trips then measure that queue.</source>
            <translation>数字：“耗时”是从第一次发送到最后一个回显的时间。往返时间按每条消息测量；p50 是中位数，p95 是 100 条消息中 95 条都快于的时间。默认按节奏发送（每秒 1,000 条），所以往返时间反映的是路径。如果尽可能快地发送，消息会一次性突发出去并相互排队，这时往返时间测的就是排队。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>The lab sends the same numbered messages over TCP and UDP at the same time, under the same conditions, and shows side by side what each protocol delivered. Press Run; Settings shows or hides the workload, the path and the conditions.</source>
            <translation>实验室在相同条件下，同时通过 TCP 和 UDP 发送同样的编号消息，并排显示每种协议送达了什么。按“运行”开始；“设置”可显示或隐藏工作负载、路径和条件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>The strips: one cell per message, numbered left to right. Red with a cross: lost. Orange with a stroke: arrived out of order. Blue with a dot: arrived twice. A delivered cell darkens from green to brown the longer its round trip took than the run's fastest. UDP shows its losses as red cells; TCP loses nothing but shows the same trouble as darker cells: a resend's wait, and every message that waited behind it.</source>
            <translation>色条：每条消息一格，从左到右编号。红色带叉：丢失。橙色带斜线：乱序到达。蓝色带点：到达两次。已送达的格子，往返时间比本次最快的慢得越多，颜色就从绿色变得越深，直到棕色。UDP 把丢失显示为红格；TCP 不丢任何东西，但同样的麻烦会显示为更深的格子：等待重传，以及排在它后面一起等待的每条消息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Where the trouble comes from: the conditions are applied by the lab on the sending side, before the socket. UDP's datagrams are really dropped, duplicated or held back. On this computer TCP runs over loopback, which loses nothing, so a lost TCP packet is held back for one retransmission timeout (at least 200 ms, doubling when the resend is lost too), as the kernel would resend it.</source>
            <translation>麻烦从哪里来：条件由实验室在发送端、数据进入套接字之前施加。UDP 的数据报会真的被丢弃、复制或扣留。在本机上 TCP 走回环，不会丢任何东西，所以一个“丢失”的 TCP 数据包会被扣留一个重传超时（至少 200 毫秒，重传再丢失时加倍），就像内核重传它那样。</translation>
        </message>
    </context>
    <context>
        <name>LabNotes</name>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Done. TCP delivered {0} of {1} in {2} s elapsed; UDP delivered {3} of {4} in {5} s, lost {6}, duplicated {7}, out of order {8}.</source>
            <translation>完成。TCP 送达 {0} / {1}，耗时 {2} 秒；UDP 送达 {3} / {4}，耗时 {5} 秒，丢失 {6}，重复 {7}，乱序 {8}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Measured: what arrived, when, in what order, and every round trip. Modelled: TCP's losses.</source>
            <translation>实测：到达了什么、何时、以什么顺序，以及每次往返时间。模拟：TCP 的丢包。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Paced: one message every {0} ms, so the round trips show the path and the conditions set, not messages queueing behind each other.</source>
            <translation>按节奏发送：每 {0} 毫秒一条，所以往返时间反映的是路径和所设条件，而不是消息相互排队。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>TCP here runs over loopback, which loses nothing.</source>
            <translation>这里的 TCP 走本机回环，回环不会丢任何东西。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>TCP here runs over the network to {0}; a loss on that network is resent by the kernel.</source>
            <translation>这里的 TCP 通过网络连到 {0}；那段网络上的丢失由内核重传。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>TCP: the kernel resends lost packets and puts bytes back in order, so nothing is lost or out of order above it. Loss is paid in time instead: every later message waits behind the missing one (head-of-line blocking).</source>
            <translation>TCP：内核会重传丢失的数据包并把字节重新排好顺序，所以在它之上不会出现丢失或乱序。代价是时间：后面的每条消息都要等待丢失的那一条（队头阻塞）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>The loss, delay and reordering you set are applied by the lab before the socket: a lost TCP packet is held back for one retransmission timeout (at least 200 ms, doubled for each resend that is lost too), a reordered one holds back the messages behind it, and a duplicate costs nothing. UDP's datagrams are really dropped, duplicated or held back.</source>
            <translation>你设置的丢失、延迟和乱序由实验室在数据进入套接字之前施加：一个“丢失”的 TCP 数据包会被扣留一个重传超时（至少 200 毫秒，每次重传再丢失就加倍），一个乱序的数据包会挡住它后面的消息，重复则没有任何代价。UDP 的数据报会真的被丢弃、复制或扣留。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>This run (modelled): chatgui held back {0} messages as TCP would after losing their packets. Those holds add up to {1} s ({2} ms per held-back message on average); they overlap, so the run took {3} s elapsed (measured).</source>
            <translation>本次（模拟）：chatgui 像 TCP 丢包后那样扣住了 {0} 条消息。这些扣留合计 {1} 秒（平均每条被扣消息 {2} 毫秒）；它们相互重叠，所以本次实际用时 {3} 秒（实测）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>This run: chatgui dropped {0} datagrams before the socket, sent {1} twice and held back {2}, as the conditions set; the figures count what really arrived.</source>
            <translation>本次：chatgui 按所设条件在套接字之前丢弃了 {0} 个数据报，发送了 {1} 个两次，扣留了 {2} 个；数字统计的是实际到达的内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>To see TCP recover from real loss, run lab-peer on a computer behind a lossy path (the README's nft recipe drops packets between two network namespaces) and choose it as the path.</source>
            <translation>要看 TCP 从真实丢包中恢复，请在一条会丢包的路径后面的电脑上运行 lab-peer（README 中的 nft 方法会在两个网络命名空间之间丢包），并选它作为路径。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>UDP: every datagram travels alone. Dropped, duplicated and reordered datagrams reach the program exactly as the network delivered them; nothing waits and nothing is resent.</source>
            <translation>UDP：每个数据报独立传输。被丢弃、重复和乱序的数据报会原样交给程序，与网络送达的情况完全一致；没有等待，也没有重传。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Unpaced: all messages left in one burst, so each one queued behind the ones before it in the sockets' buffers and the echo's; the round trips measure that queue more than the path. UDP queues longer here: every datagram is its own send and echo, while TCP hands the burst to the kernel in a few large writes. Set a rate to measure the path.</source>
            <translation>不限速：所有消息一次性突发出去，每条都在套接字缓冲区和回显端排在前面的消息后面；往返时间测到的更多是这段排队，而不是路径。这里 UDP 排队更久：每个数据报都要单独发送、单独回显，而 TCP 把这批数据分成几次大的写入交给内核。设置发送速率才能测量路径本身。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>at {0}/s</source>
            <translation>每秒 {0} 条</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>bandwidth {0} kbit/s</source>
            <translation>带宽 {0} kbit/s</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>chatgui held back {0} messages as TCP would after losing their packets.</source>
            <translation>chatgui 像 TCP 丢包后那样扣住了 {0} 条消息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>delay {0} ms ± {1} ms</source>
            <translation>延迟 {0} 毫秒 ± {1} 毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>duplicates {0} %</source>
            <translation>重复 {0} %</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>loss {0} %</source>
            <translation>丢失 {0} %</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>no bandwidth cap</source>
            <translation>不限带宽</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>no conditions set</source>
            <translation>未设置条件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>reorder {0} %</source>
            <translation>乱序 {0} %</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>seed {0}</source>
            <translation>随机种子 {0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>this computer (loopback)</source>
            <translation>本机（回环）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>unpaced</source>
            <translation>不限速</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>{0} messages × {1} B {2}</source>
            <translation>{0} 条消息 × {1} 字节，{2}</translation>
        </message>
    </context>
    <context>
        <name>LabPicture</name>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Both pictures as a PNG image, captioned with the version, conditions and seed.</source>
            <translation>两幅图片保存为一张 PNG 图像，下方注明版本、条件和种子。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Built-in drawing</source>
            <translation>内置图画</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Choose a picture</source>
            <translation>选择图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Choose a picture…</source>
            <translation>选择图片…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Could not write {0}: check that the folder exists and that you may write there.</source>
            <translation>无法写入 {0}：请检查文件夹是否存在、你是否有写入权限。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Done under {0}.</source>
            <translation>完成，条件：{0}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>How the picture travels</source>
            <translation>图片如何传输</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Measured: which blocks each receiver got, and when. This runs on this computer, over loopback, which loses nothing.</source>
            <translation>实测：每个接收端收到了哪些块、何时收到。本次在这台电脑上经回环运行，回环不会丢包。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Modelled: chatgui dropped {udp} of UDP's datagrams before the socket, and held back {tcp} of TCP's blocks as TCP would after losing their packets ({wait} s of retransmission timeouts in all); no TCP packet was really lost.</source>
            <translation>模拟：chatgui 在套接字之前丢弃了 UDP 的 {udp} 个数据报，并像 TCP 丢包后那样扣住了 TCP 的 {tcp} 个块（重传超时共 {wait} 秒）；实际上没有任何 TCP 包丢失。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>PNG images (*.png)</source>
            <translation>PNG 图像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Picture status</source>
            <translation>图片状态</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
            <translation>图片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Save as PNG…</source>
            <translation>保存为 PNG…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Save the pictures</source>
            <translation>保存图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Save the pictures as PNG</source>
            <translation>将图片保存为 PNG</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Saved to {0}</source>
            <translation>已保存到 {0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send a picture of yours instead (PNG, JPEG, GIF…), or drop one on this tab; it is made small first.</source>
            <translation>改为发送你自己的图片（PNG、JPEG、GIF…），或把图片拖到此标签页；会先缩小。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send both ways</source>
            <translation>两种方式发送</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send the picture both ways</source>
            <translation>用两种方式发送图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send the picture over TCP and over UDP at the same time.</source>
            <translation>同时通过 TCP 和 UDP 发送这张图片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Sending the picture over TCP and UDP on this computer…</source>
            <translation>正在这台电脑上通过 TCP 和 UDP 发送图片…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Stopped with {received} of {blocks} blocks: the connection broke.</source>
            <translation>在收到 {blocks} 块中的 {received} 块时停止：连接断开了。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>TCP: resends what is lost, so the picture arrives whole, later</source>
            <translation>TCP：重传丢失的部分，所以图片完整到达，但更晚</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>The built-in drawing</source>
            <translation>内置图画</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>The built-in drawing is missing from this installation: choose a picture.</source>
            <translation>此安装中缺少内置图画：请选择一张图片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>UDP: one datagram per block, nothing resent</source>
            <translation>UDP：每块一个数据报，不重传</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>What was measured and what was modelled</source>
            <translation>哪些是实测，哪些是模拟</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>What {0} delivered</source>
            <translation>{0} 交付了什么</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Which picture to send</source>
            <translation>发送哪张图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Whole after {seconds} s: {blocks} of {blocks} blocks.</source>
            <translation>{seconds} 秒后完整：{blocks} 块中的 {blocks} 块。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Your picture: {0}</source>
            <translation>你的图片：{0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{0} is not a picture chatgui can read (or it is over 40 megapixels): choose another.</source>
            <translation>{0} 不是 chatgui 能读取的图片（或超过 4000 万像素）：请换一张。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{0} picture</source>
            <translation>{0} 图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{0} · {1} · this computer (loopback)</source>
            <translation>{0} · {1} · 这台电脑（回环）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{name} ({width} × {height} pixels) travels as its pixels, not as a compressed file (where one lost datagram would spoil the whole picture): each datagram carries {rows} rows of pixels, {size} bytes (at most {limit}), so {blocks} datagrams per protocol. TCP and UDP send at the same time under the conditions in Settings; UDP never resends.</source>
            <translation>{name}（{width} × {height} 像素）以像素本身传输，而不是压缩文件（压缩文件丢一个数据报整张图就坏了）：每个数据报携带 {rows} 行像素，{size} 字节（最多 {limit}），所以每种协议 {blocks} 个数据报。TCP 和 UDP 在“设置”中的条件下同时发送；UDP 从不重传。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{received} of {blocks} blocks in {seconds} s; {holes} grey holes where datagrams were lost ({late} arrived out of order, {duplicates} twice).</source>
            <translation>{seconds} 秒内收到 {blocks} 块中的 {received} 块；{holes} 个灰色空洞是丢失的数据报（{late} 个乱序到达，{duplicates} 个到达两次）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{received} of {blocks} blocks so far.</source>
            <translation>目前收到 {blocks} 块中的 {received} 块。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{received} of {blocks} blocks so far; the rest wait for resends.</source>
            <translation>目前收到 {blocks} 块中的 {received} 块；其余的在等待重传。</translation>
        </message>
    </context>
    <context>
        <name>LabWidget</name>
        <message>
            <source>A picture, both ways</source>
            <translation>一张图片，两种方式</translation>
        </message>
        <message>
            <source>Answering lab runs on port {0}: on the other computer choose “A computer running lab-peer” and type this computer's address.</source>
            <translation>正在端口 {0} 上应答实验：在另一台计算机上选择“运行 lab-peer 的计算机”，并输入本机的地址。</translation>
        </message>
        <message>
            <source>Applied by the lab on the sending side, before the socket. UDP's datagrams are really dropped, duplicated or held back; TCP's bytes cannot be, so for TCP a lost packet is held back for one retransmission timeout (at least 200 ms, doubling when the resend is lost too) and a reordered one holds back the messages behind it.</source>
            <translation>由实验室在发送端、数据进入套接字之前施加。UDP 的数据报会真的被丢弃、复制或扣留；TCP 的字节做不到这些，所以对 TCP 来说，一个丢失的数据包会被扣留一个重传超时（至少 200 毫秒，重传再丢失时加倍），一个乱序的数据包会挡住它后面的消息。</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelled. The pictures show what had happened by then.</source>
            <translation>已取消。图表显示的是到那时为止发生的情况。</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Could not write {0}: check that the folder exists and that you may write there.</source>
            <translation>无法写入 {0}：请检查文件夹是否存在，以及你是否有写入权限。</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>送达</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Export JSON</source>
            <translation>导出 JSON</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>导出 JSON…</translation>
        </message>
        <message>
            <source>Export the run as CSV</source>
            <translation>把本次运行导出为 CSV</translation>
        </message>
        <message>
            <source>Export the run as JSON</source>
            <translation>把本次运行导出为 JSON</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <source>Lab</source>
            <translation>实验</translation>
        </message>
        <message>
            <source>Lab status</source>
            <translation>实验状态</translation>
        </message>
        <message>
            <source>Lab views</source>
            <translation>实验视图</translation>
        </message>
        <message>
            <source>Lifecycle</source>
            <translation>生命周期</translation>
        </message>
        <message>
            <source>Message boundaries</source>
            <translation>消息边界</translation>
        </message>
        <message>
            <source>Message boundaries — in Chinese often called 粘包 / 拆包.</source>
            <translation>消息边界 —— 中文里常说的粘包 / 拆包。</translation>
        </message>
        <message>
            <source>No longer answering lab runs from other computers.</source>
            <translation>不再应答来自其他计算机的实验。</translation>
        </message>
        <message>
            <source>One row per message per protocol: its fate, arrival and round trip, after comment lines naming the version, conditions and seed.</source>
            <translation>每种协议的每条消息一行：它的结局、到达和往返时间；前面的注释行写明版本、条件和随机种子。</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 图片 (*.png)</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>运行</translation>
        </message>
        <message>
            <source>Save pictures as PNG</source>
            <translation>把图表保存为 PNG</translation>
        </message>
        <message>
            <source>Save pictures…</source>
            <translation>保存图表…</translation>
        </message>
        <message>
            <source>Save the pictures</source>
            <translation>保存图表</translation>
        </message>
        <message>
            <source>Saved to {0}</source>
            <translation>已保存到 {0}</translation>
        </message>
        <message>
            <source>Send the workload over TCP and UDP at the same time.</source>
            <translation>同时通过 TCP 和 UDP 发送这批消息。</translation>
        </message>
        <message>
            <source>Sending {0} messages over TCP and UDP on this computer…</source>
            <translation>正在本机上通过 TCP 和 UDP 发送 {0} 条消息…</translation>
        </message>
        <message>
            <source>Sending {0} messages over TCP and UDP to {1}…</source>
            <translation>正在通过 TCP 和 UDP 向 {1} 发送 {0} 条消息…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Settings of the run</source>
            <translation>本次运行的设置</translation>
        </message>
        <message>
            <source>Show or hide the settings</source>
            <translation>显示或隐藏设置</translation>
        </message>
        <message>
            <source>Show or hide the workload, path and conditions.</source>
            <translation>显示或隐藏工作负载、路径和条件。</translation>
        </message>
        <message>
            <source>The figures of both protocols, as `lab --json` prints them.</source>
            <translation>两种协议的数据，与 `lab --json` 输出的相同。</translation>
        </message>
        <message>
            <source>The results and pictures as a PNG image, captioned with the version, conditions and seed.</source>
            <translation>把结果和图片保存为 PNG 图像，并附上写明版本、条件和随机种子的说明文字。</translation>
        </message>
        <message>
            <source>The same picture over TCP and over UDP: whole and later, or on time with holes.</source>
            <translation>同一张图片经 TCP 和经 UDP：完整但更晚，或准时但有空洞。</translation>
        </message>
        <message>
            <source>Type the address of a computer running lab-peer, or choose this computer.</source>
            <translation>输入运行 lab-peer 的计算机的地址，或者选择本机。</translation>
        </message>
        <message>
            <source>Where the last file was saved</source>
            <translation>上一个文件的保存位置</translation>
        </message>
    </context>
    <context>
        <name>LifecycleView</name>
        <message>
            <source>Connects, sends a few bytes and closes over TCP; sends one datagram over UDP.</source>
            <translation>通过 TCP 建立连接、发送几个字节然后关闭；通过 UDP 发送一个数据报。</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>详情</translation>
        </message>
        <message>
            <source>Lifecycle summary</source>
            <translation>生命周期摘要</translation>
        </message>
        <message>
            <source>Recording a TCP connection and a UDP datagram…</source>
            <translation>正在记录一个 TCP 连接和一个 UDP 数据报…</translation>
        </message>
        <message>
            <source>Send to a port where nobody listens</source>
            <translation>发送到没有程序监听的端口</translation>
        </message>
        <message>
            <source>Sending to a port where nobody listens…</source>
            <translation>正在发送到没有程序监听的端口…</translation>
        </message>
        <message>
            <source>Show a connection's life</source>
            <translation>展示一个连接的一生</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>一方</translation>
        </message>
        <message>
            <source>TCP did not report a refusal.</source>
            <translation>TCP 没有报告连接被拒绝。</translation>
        </message>
        <message>
            <source>TCP failed at once: connection refused.</source>
            <translation>TCP 立即失败：连接被拒绝。</translation>
        </message>
        <message>
            <source>TCP fails at once (connection refused); UDP says it sent the datagram while nothing arrives.</source>
            <translation>TCP 立即失败（连接被拒绝）；UDP 说数据报已发送，但什么也没有到达。</translation>
        </message>
        <message>
            <source>TCP is a connection: a handshake before any data, and a goodbye (FIN) after. UDP has no connection at all: each datagram goes out on its own, and nobody tells the sender whether it arrived.</source>
            <translation>TCP 是面向连接的：发送数据前要握手，结束后要告别（FIN）。UDP 完全没有连接：每个数据报各自发出，没有人告诉发送方它是否到达。</translation>
        </message>
        <message>
            <source>TCP: {0} steps, handshake and goodbye included. UDP: {1} steps, datagrams only.</source>
            <translation>TCP：{0} 步，包括握手和告别。UDP：{1} 步，只有数据报。</translation>
        </message>
        <message>
            <source>UDP's sendto() reported success, and nothing arrived.</source>
            <translation>UDP 的 sendto() 报告成功，但什么也没有到达。</translation>
        </message>
        <message>
            <source>UDP: see its timeline.</source>
            <translation>UDP：见它的时间线。</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>发生了什么</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>accept() returned a new socket for this connection</source>
            <translation>accept() 为这个连接返回了一个新的套接字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>bind() took a port</source>
            <translation>bind() 占用了一个端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>bound to {0}</source>
            <translation>已绑定到 {0}</translation>
        </message>
        <message>
            <source>client</source>
            <translation>客户端</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>close()</source>
            <translation>close()</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>connect(): the three-way handshake (SYN, SYN-ACK, ACK)</source>
            <translation>connect()：三次握手（SYN、SYN-ACK、ACK）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>connection refused (nothing listens on that port)</source>
            <translation>连接被拒绝（那个端口上没有程序在监听）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>connection refused: nobody listens there (the kernel answered RST)</source>
            <translation>连接被拒绝：那里没有程序监听（内核回复了 RST）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>connection reset by the other side</source>
            <translation>连接被对方重置</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>listen(): ready for connections</source>
            <translation>listen()：准备接受连接</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>listening on {0}</source>
            <translation>正在 {0} 上监听</translation>
        </message>
        <message>
            <source>ms</source>
            <translation>毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no answer, no error in {0} s</source>
            <translation>{0} 秒内没有回应，也没有报错</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no close handshake: the other side is not told</source>
            <translation>没有关闭握手：对方不会得到通知</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no connection</source>
            <translation>没有连接</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no route to that computer</source>
            <translation>没有到那台计算机的路由</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>nothing arrived, and nobody said so</source>
            <translation>什么也没有到达，也没有人告知</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>recv() returned b'' — the other side closed</source>
            <translation>recv() 返回 b'' —— 对方已关闭</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>recv() returned bytes</source>
            <translation>recv() 返回了字节</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>recvfrom() returned one whole datagram</source>
            <translation>recvfrom() 返回了一个完整的数据报</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>send() handed bytes to the kernel</source>
            <translation>send() 把字节交给了内核</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>sendto() sent a datagram — no connection, no handshake</source>
            <translation>sendto() 发出了一个数据报 —— 没有连接，没有握手</translation>
        </message>
        <message>
            <source>server</source>
            <translation>服务器</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>shutdown(): FIN, "I will send no more"</source>
            <translation>shutdown()：FIN，“我不会再发送了”</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>socket() made a socket</source>
            <translation>socket() 创建了一个套接字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>the OS reported later: {0}</source>
            <translation>操作系统随后报告：{0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>the network is unreachable</source>
            <translation>网络不可达</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>the operating system reported an error</source>
            <translation>操作系统报告了一个错误</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>timed out</source>
            <translation>超时</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0} (connected socket): {1} bytes, no error</source>
            <translation>{0}（已连接的套接字）：{1} 字节，没有报错</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0} bytes</source>
            <translation>{0} 字节</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0} bytes (the peer closed its side)</source>
            <translation>{0} 字节（对方关闭了它那一端）</translation>
        </message>
        <message>
            <source>{0} timeline</source>
            <translation>{0} 时间线</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0}: {1} bytes, no error</source>
            <translation>{0}：{1} 字节，没有报错</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;About chatgui</source>
            <translation>关于 chatgui(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Ask before ending a room</source>
            <translation>结束房间前询问(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Connect</source>
            <translation>连接(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Copy</source>
            <translation>复制(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Delete history…</source>
            <translation>删除历史记录(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Disconnect</source>
            <translation>断开(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Downloads folder…</source>
            <translation>下载文件夹(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Export history</source>
            <translation>导出历史记录(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Find…</source>
            <translation>查找(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;History…</source>
            <translation>历史记录(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Host a room</source>
            <translation>主持房间(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Join</source>
            <translation>加入(&amp;J)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Keep history</source>
            <translation>保存历史记录(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Light</source>
            <translation>浅色(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Mute notifications</source>
            <translation>通知静音(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Room</source>
            <translation>房间(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Send</source>
            <translation>发送(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Settings</source>
            <translation>设置(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Socket controls</source>
            <translation>套接字控件(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;System</source>
            <translation>跟随系统(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Theme</source>
            <translation>主题(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/room_actions.py" />
            <source>A TCP room listening on {address}, as set in the socket controls (UDP peers connect with the socket controls' Connect).</source>
            <translation>一个 TCP 房间，按套接字控件的设置在 {address} 上监听（UDP 对等端请用套接字控件的“连接”）。</translation>
        </message>
        <message>
            <source>About chatgui</source>
            <translation>关于 chatgui</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>As &amp;CSV…</source>
            <translation>CSV 格式(&amp;C)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>As &amp;JSON…</source>
            <translation>JSON 格式(&amp;J)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>As &amp;text…</source>
            <translation>纯文本格式(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Ask before quitting while people are in a room you host.</source>
            <translation>你主持的房间里有人时，退出前先询问。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>C&amp;lear view</source>
            <translation>清空视图(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <source>Chat and lab</source>
            <translation>聊天和实验</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Chec&amp;k the address</source>
            <translation>检查地址(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Checking {address}…</source>
            <translation>正在检查 {address}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Choose where Save puts the files people send you.</source>
            <translation>选择“保存”把别人发给你的文件放在哪里。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Connecting… you can type once connected</source>
            <translation>正在连接… 连接成功后即可输入</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Conversation</source>
            <translation>对话</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Delete history</source>
            <translation>删除历史记录</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Delete the saved messages? This cannot be undone.</source>
            <translation>删除已保存的消息？此操作无法撤销。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Delivered — the receipt came back after {rtt} ms.</source>
            <translation>已送达 —— {rtt} 毫秒后收到回执。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Double-click a room in the list, or type the host's address above and press Join.</source>
            <translation>在列表中双击一个房间，或在上方输入主机地址后点击“加入”。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Every room</source>
            <translation>所有房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Export history</source>
            <translation>导出历史记录</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Exported the history ({count} rows) to {path}.</source>
            <translation>已将历史记录（{count} 行）导出到 {path}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>File…</source>
            <translation>文件…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Find &amp;next</source>
            <translation>查找下一个(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Find &amp;previous</source>
            <translation>查找上一个(&amp;P)</translation>
        </message>
        <message>
            <source>Finding rooms on this network is not available — join by the host's address.</source>
            <translation>无法在本网络上查找房间 —— 请按主持人的地址加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>History deleted.</source>
            <translation>历史记录已删除。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>History is off: nothing is saved</source>
            <translation>历史记录已关闭：不会保存任何内容</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_place.py" />
            <source>History of {room} — read only. Join or host a room to chat.</source>
            <translation>{room} 的历史记录——只读。加入或创建一个房间即可聊天。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>History search is ready.</source>
            <translation>历史记录搜索已就绪。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>How to &amp;chat</source>
            <translation>如何聊天(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>How to read the &amp;lab</source>
            <translation>如何看懂实验室(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>In the room</source>
            <translation>房间里的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>In the room — you host it, so your message went straight to every member's connection, and TCP delivers it or that member is shown leaving. With nobody else in the room, nobody has read it.</source>
            <translation>已在房间中——你是主持人，消息直接交给了每位成员的连接，TCP 会把它送达，否则会显示该成员离开。房间里没有别人时，没有人读到它。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>JSON files (*.json)</source>
            <translation>JSON 文件 (*.json)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Join the room chosen in the list, or the address typed above.</source>
            <translation>加入列表中选中的房间，或上方输入的地址。</translation>
        </message>
        <message>
            <source>Lab: TCP vs UDP</source>
            <translation>实验：TCP 与 UDP</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Menu bar</source>
            <translation>菜单栏</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Message</source>
            <translation>消息</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Names are unique in a room. ⚠ marks a name that mixes alphabets (such as Latin and Cyrillic): it may be made to look like someone else's.</source>
            <translation>房间里的名字各不相同。⚠ 标出混用了不同字母表（例如拉丁字母和西里尔字母）的名字：它可能被故意做得像别人的名字。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>No receipt came back — the other side may not be a chatgui app.</source>
            <translation>没有收到回执 —— 对方可能不是 chatgui 应用。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>No receipt came back. UDP does not tell the sender whether anything arrived.</source>
            <translation>没有收到回执。UDP 不会告诉发送方是否有东西到达。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Not connected — join or host a room to start chatting</source>
            <translation>未连接 —— 加入或主持一个房间即可开始聊天</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Not sent — typed while reconnecting, and reconnecting was cancelled or too much was waiting. Send it again.</source>
            <translation>未发送 —— 这条消息是在重新连接期间输入的，之后重新连接被取消，或等待发送的内容太多。请重新发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>On this network</source>
            <translation>本网络上</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Open a room's history first (File ▸ History…), or join or host a room.</source>
            <translation>请先打开一个房间的历史记录（文件 ▸ 历史记录…），或者加入或创建一个房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>People</source>
            <translation>成员</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>People in the room</source>
            <translation>房间里的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Preparing history search: {percent}% of {total} messages. Searching works meanwhile, only more slowly.</source>
            <translation>正在准备历史记录搜索：{total} 条消息已完成 {percent}%。期间仍可搜索，只是较慢。</translation>
        </message>
        <message>
            <source>Private room</source>
            <translation>私密房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Remove every row from the conversation view.</source>
            <translation>从对话视图中移除所有行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Remove every row from the view; the history keeps them.</source>
            <translation>从视图中移除所有行；历史记录中仍然保留。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Room hosted on port {port}</source>
            <translation>在端口 {port} 上创建的房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Rooms</source>
            <translation>房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>See whether anything answers at the address and port typed above.</source>
            <translation>看看上方输入的地址和端口是否有程序应答。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send a file</source>
            <translation>发送文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send a file or a picture to the room. You can also drop files on the window or paste a picture.</source>
            <translation>向房间发送文件或图片。也可以把文件拖到窗口上，或粘贴图片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/preferences.py" />
            <source>Send the message (Ctrl+Enter). Enter starts a new line.</source>
            <translation>发送消息（Ctrl+Enter）。Enter 换行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send the message (Enter). Shift+Enter starts a new line.</source>
            <translation>发送消息（Enter）。Shift+Enter 换行。</translation>
        </message>
        <message>
            <source>Send the same numbered messages over TCP and UDP and see what each delivers.</source>
            <translation>通过 TCP 和 UDP 发送同样带编号的消息，看看各自送达了什么。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Send with &amp;Ctrl+Enter (Enter: new line)</source>
            <translation>用 Ctrl+Enter 发送（Enter：换行）(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Send with &amp;Enter (Shift+Enter: new line)</source>
            <translation>用 Enter 发送（Shift+Enter：换行）(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Sent — waiting for a receipt.</source>
            <translation>已发送 —— 正在等待回执。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Show or hide the rooms on this network.</source>
            <translation>显示或隐藏本网络上的房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Show or hide who is in the room.</source>
            <translation>显示或隐藏房间里的人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Show the TCP/UDP, role, address, port, raw text and encoding controls.</source>
            <translation>显示 TCP/UDP、角色、地址、端口、原始文本和编码控件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Start the session the fields describe: host, join or listen.</source>
            <translation>按上方各栏开始会话：主持、加入或监听。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>System language</source>
            <translation>系统语言</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Text files (*.txt)</source>
            <translation>文本文件 (*.txt)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>The history could not be exported to {path}: {error}</source>
            <translation>无法把历史记录导出到 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/preferences.py" />
            <source>The new language applies the next time chatgui starts.</source>
            <translation>新的语言将在下次启动 chatgui 时生效。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>This room</source>
            <translation>本房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Type a message — Ctrl+Enter sends, Enter starts a new line</source>
            <translation>输入消息 —— Ctrl+Enter 发送，Enter 换行</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Type a message — Enter sends, Shift+Enter starts a new line</source>
            <translation>输入消息 —— Enter 发送，Shift+Enter 换行</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type an address to check first.</source>
            <translation>请先输入要检查的地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type the address of the computer hosting the room, then press Connect.</source>
            <translation>输入主持房间的计算机的地址，然后点击“连接”。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type the port the other side listens on (1–65535), then press Connect.</source>
            <translation>输入对方监听的端口（1–65535），然后点击“连接”。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type the port to check (1–65535) first.</source>
            <translation>请先输入要检查的端口（1–65535）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Write every message to this computer's history file.</source>
            <translation>把每条消息写入本机的历史记录文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/room_actions.py" />
            <source>all interfaces</source>
            <translation>所有接口</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/notifications.py" />
            <source>chatgui</source>
            <translation>chatgui</translation>
        </message>
        <message>
            <source>chatgui {version}

Chat on a LAN over TCP or UDP, and see how the two differ.</source>
            <translation>chatgui {version}

在局域网上通过 TCP 或 UDP 聊天，并看看两者有何不同。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>earlier messages above</source>
            <translation>以上是较早的消息</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/notifications.py" />
            <source>{count} new messages from one person</source>
            <translation>{count} 条新消息，来自 1 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/notifications.py" />
            <source>{count} new messages from {people} people</source>
            <translation>{count} 条新消息，来自 {people} 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>{nick}'s room announced no address this computer can use.</source>
            <translation>{nick} 的房间没有公布本机可以使用的地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>简体中文</source>
            <translation>简体中文</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>繁體中文</source>
            <translation>繁體中文</translation>
        </message>
    </context>
    <context>
        <name>Mute</name>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>A file from a muted person — click to show</source>
            <translation>来自已静音者的文件——点击显示</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Fold their messages into one line each and refuse their files in this room, on this computer only; they are not told. The history still keeps their messages.</source>
            <translation>在此房间中将其每条消息折叠为一行并拒收其文件，仅限这台电脑；对方不会被告知。历史记录仍保留其消息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Message from a muted person — click to show</source>
            <translation>来自已静音者的消息——点击显示</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Mute {nick}</source>
            <translation>静音 {nick}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Show their messages and offers in this room again.</source>
            <translation>在此房间中重新显示其消息和文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Show this message</source>
            <translation>显示这条消息</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Show this offer</source>
            <translation>显示这个文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>This room has no passphrase: anyone on the network can send under this name, so muting it mutes whoever uses it, and someone muted can come back under another.</source>
            <translation>此房间没有口令：网络上任何人都能以这个名字发送消息，所以静音的是使用这个名字的任何人，而被静音的人也可以换个名字再来。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Unmute {nick}</source>
            <translation>取消静音 {nick}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>{name} (muted)</source>
            <translation>{name}（已静音）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>{nick} offered a file; it was refused because you muted them in this room.</source>
            <translation>{nick} 发来一个文件；因为你在此房间将其静音，已拒收。</translation>
        </message>
    </context>
    <context>
        <name>OsErrors</name>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>error {code}</source>
            <translation>错误 {code}</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>nobody is listening there</source>
            <translation>那里没有程序在监听</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the connection is not open</source>
            <translation>连接没有打开</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the connection was cut</source>
            <translation>连接被切断了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the message is too large for the network</source>
            <translation>消息太大，网络传不了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the network is down on this computer</source>
            <translation>这台计算机的网络断开了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the operation was interrupted</source>
            <translation>操作被中断了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the other computer is switched off or not on the network</source>
            <translation>对方计算机已关机或不在网络上</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the port is already in use on this computer</source>
            <translation>这台计算机上的这个端口已被占用</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the send buffer is full, so the message was dropped</source>
            <translation>发送缓冲区已满，这条消息被丢弃了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the system did not accept this address or setting (a link-local IPv6 address such as fe80::1 also needs the name of its network interface, e.g. fe80::1%eth0)</source>
            <translation>系统不接受这个地址或设置（像 fe80::1 这样的链路本地 IPv6 地址还需要写上网络接口名，例如 fe80::1%eth0）</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the system did not allow it (a firewall, or a missing permission)</source>
            <translation>系统不允许这样做（防火墙，或缺少权限）</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the system ran out of memory for the network</source>
            <translation>系统用于网络的内存不够了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>there is no route from this computer to that network</source>
            <translation>从这台计算机到那个网络没有路由</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>there is no such network interface</source>
            <translation>没有这个网络接口</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>there was no answer in time</source>
            <translation>没有及时收到回应</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>this address does not belong to this computer or cannot be used here</source>
            <translation>这个地址不属于这台计算机，或者在这里不能用</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>this computer cannot use this kind of address (IPv6 may be switched off)</source>
            <translation>这台计算机不能使用这种地址（可能关闭了 IPv6）</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>this system does not support that network option</source>
            <translation>这个系统不支持该网络选项</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>too many connections and files are open</source>
            <translation>打开的连接和文件太多了</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>About this room</source>
            <translation>关于这个房间</translation>
        </message>
        <message>
            <source>Ask the host for it. It is never sent over the network, not even encrypted.</source>
            <translation>请向主持人索取。口令从不通过网络发送，即使加密也不会。</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <source>Private room</source>
            <translation>私密房间</translation>
        </message>
        <message>
            <source>“{room}”, hosted by {nick}, is private. Type its passphrase to join.</source>
            <translation>{nick} 主持的“{room}”是私密房间。输入它的口令即可加入。</translation>
        </message>
    </context>
    <context>
        <name>PassphraseField</name>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Hide the passphrase</source>
            <translation>隐藏口令</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>口令</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>显示</translation>
        </message>
        <message>
            <source>Show or hide the passphrase as you type it.</source>
            <translation>输入时显示或隐藏口令。</translation>
        </message>
        <message>
            <source>Show the passphrase</source>
            <translation>显示口令</translation>
        </message>
    </context>
    <context>
        <name>PictureDecoder</name>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>The picture could not be read: it is damaged or incomplete.</source>
            <translation>无法读取这张图片：它已损坏或不完整。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>The picture is too large to show ({size} MB).</source>
            <translation>图片太大，无法显示（{size} MB）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>The picture is too large to show ({width} × {height} pixels).</source>
            <translation>图片太大，无法显示（{width} × {height} 像素）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>This is not a picture chatgui shows (PNG, JPEG, GIF or WebP).</source>
            <translation>这不是 chatgui 能显示的图片（PNG、JPEG、GIF 或 WebP）。</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <source>Compare this code with the other side (read it out, or over the phone): the same code on both sides means nobody is in between. A different code means someone may be listening in — disconnect.</source>
            <translation>与对方核对这个代码（当面念出来，或打电话）：两边代码相同，说明中间没有人。代码不同，说明可能有人在窃听——请断开连接。</translation>
        </message>
        <message>
            <source>Everything sent in this session is encrypted with the passphrase; only people who typed the same passphrase can read it.</source>
            <translation>本次会话中发送的一切都用口令加密；只有输入相同口令的人才能读取。</translation>
        </message>
        <message>
            <source>Private room</source>
            <translation>私密房间</translation>
        </message>
        <message>
            <source>Room code with {address}: {code}</source>
            <translation>与 {address} 的房间代码：{code}</translation>
        </message>
        <message>
            <source>Room code {code}</source>
            <translation>房间代码 {code}</translation>
        </message>
        <message>
            <source>{address}: {code}</source>
            <translation>{address}：{code}</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Cannot join the multicast group {group}: {detail} — check that this computer is connected to a network, or choose another interface.</source>
            <translation>无法加入组播组 {group}：{detail} —— 请检查本机是否已连接到网络，或选择另一个网络接口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connecting to {address} timed out — the address may be wrong, or a firewall is blocking the connection.</source>
            <translation>连接 {address} 超时 —— 地址可能有误，或者防火墙阻止了连接。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connections can be opened again — new members can join the room.</source>
            <translation>又可以建立连接了 —— 新成员可以加入房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Messages typed while reconnecting were not sent ({count}) — send them again once you are back in a room.</source>
            <translation>重新连接期间输入的消息未发送（{count} 条）—— 回到房间后请重新发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Nobody is listening at {address} (the other computer answered “port unreachable”) — check the port and that the other side is running.</source>
            <translation>{address} 没有程序在监听（对方计算机回应“端口不可达”）—— 请检查端口，并确认对方正在运行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Nobody is listening at {address} — check the address and that the other side is running and hosting.</source>
            <translation>{address} 没有程序在监听 —— 请检查地址，并确认对方正在运行并主持房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Not connected — host a room or join one before sending.</source>
            <translation>未连接 —— 请先主持或加入一个房间再发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Port {port} is already in use on this computer — choose another port or stop the program using it.</source>
            <translation>端口 {port} 已被本机占用 —— 请选择其他端口，或关闭正在使用它的程序。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Port {port} is below 1024, and ports below 1024 need administrator rights on this system — use a port of 1024 or more.</source>
            <translation>端口 {port} 小于 1024，在本系统上使用 1024 以下的端口需要管理员权限 —— 请使用 1024 或更大的端口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The address {host} does not belong to this computer — leave the address empty to use every network, or choose one of this computer's own addresses.</source>
            <translation>地址 {host} 不属于本机 —— 留空地址以使用所有网络，或选择本机自己的某个地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The connection with {address} was reset — the other program stopped abruptly or the network dropped; connect again once it is back.</source>
            <translation>与 {address} 的连接被重置 —— 对方程序意外停止或网络中断；等它恢复后再重新连接。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The host at {address} closed the connection — the room has ended; join again once it is hosting.</source>
            <translation>{address} 上的主机关闭了连接 —— 房间已结束；等它重新主持后再加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The host at {address} closed the connection — trying to rejoin the room.</source>
            <translation>{address} 的主机关闭了连接 —— 正在尝试重新加入房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The host at {address} has not answered for {seconds} s — it may be frozen, or the network is down.</source>
            <translation>{address} 的主机已 {seconds} 秒没有响应 —— 它可能卡死了，或者网络断了。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The name {host} could not be found — check the spelling, or type the other computer's IP address instead.</source>
            <translation>找不到主机名 {host} —— 请检查拼写，或改为输入对方计算机的 IP 地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The network interface {interface} has no IPv4 broadcast address — choose another interface (broadcast works on Ethernet and Wi-Fi, not on loopback or VPNs).</source>
            <translation>网络接口 {interface} 没有 IPv4 广播地址 —— 请选择其他接口（广播适用于以太网和 Wi-Fi，不适用于回环接口或 VPN）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The passphrase does not match this room's ({address}) — check it with the host and type it again.</source>
            <translation>口令与这个房间的不一致（{address}）—— 请与主持人核对后重新输入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The room at {address} has no passphrase — leave the passphrase empty to join it.</source>
            <translation>{address} 的房间没有口令 —— 请把口令留空再加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The room at {address} is private — join it with chatgui and the room's passphrase.</source>
            <translation>{address} 的房间是私密房间 —— 请用 chatgui 和房间口令加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The system reported a network error with {address}: {detail} — check the address and port, then try again.</source>
            <translation>系统报告与 {address} 通信时出现网络错误：{detail} —— 请检查地址和端口，然后重试。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The system reported a network error: {detail} — check the address and port, then try again.</source>
            <translation>系统报告了一个网络错误：{detail} —— 请检查地址和端口，然后重试。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>There is nobody to send to yet — enter the other side's address and port, or wait until someone writes to you.</source>
            <translation>还没有可以发送的对象 —— 请输入对方的地址和端口，或等待有人给你发消息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This computer cannot open more connections right now (too many open files), so new members wait — the room goes on, and joining resumes as soon as connections close.</source>
            <translation>这台计算机现在无法再打开更多连接（打开的文件过多），新成员需要等待 —— 房间照常进行，一旦有连接关闭就会恢复加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This message is {size} bytes, over the limit of {limit} bytes, so it was not sent — split it into shorter messages.</source>
            <translation>这条消息有 {size} 字节，超过了 {limit} 字节的上限，因此没有发送 —— 请拆分成较短的消息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This message went out as a UDP datagram of {size} bytes, which the network splits into fragments; if one fragment is lost the whole message is lost — keep UDP messages under 1,400 bytes or use TCP.</source>
            <translation>这条消息作为 {size} 字节的 UDP 数据报发出，网络会把它拆成多个分片；只要丢失一个分片，整条消息就会丢失 —— 请让 UDP 消息保持在 1,400 字节以内，或改用 TCP。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This message would make a UDP datagram of {size} bytes, over the maximum of {limit} bytes, so it was not sent — send shorter messages or use TCP.</source>
            <translation>这条消息会形成 {size} 字节的 UDP 数据报，超过了 {limit} 字节的上限，因此没有发送 —— 请发送较短的消息，或改用 TCP。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This system does not allow this program to use port {port} — choose another port, or check the firewall and security settings.</source>
            <translation>本系统不允许本程序使用端口 {port} —— 请选择其他端口，或检查防火墙和安全设置。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This text contains characters that cannot be written in {encoding}, so it was not sent — remove them (emoji, for example) or choose UTF-8.</source>
            <translation>这段文本包含无法用 {encoding} 编码的字符，因此没有发送 —— 请删除这些字符（例如表情符号），或选择 UTF-8。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} cannot be reached from this computer — check that this computer is on the same network (Wi-Fi or cable) as the other side.</source>
            <translation>从本机无法到达 {address} —— 请检查本机与对方是否在同一网络（Wi-Fi 或有线）上。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} chose a nickname with no visible character, so it was refused — choose a nickname of 1 to 32 letters, digits or symbols.</source>
            <translation>{address} 选择的昵称没有任何可见字符，因此被拒绝 —— 请使用 1 到 32 个字母、数字或符号作为昵称。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} connected but said nothing for {seconds} s, so the connection was closed — a chat program should introduce itself or send a line at once.</source>
            <translation>{address} 连接后 {seconds} 秒内什么也没发送，因此连接已关闭 —— 聊天程序应当立即自我介绍或发送一行文字。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} could not join: the room is full ({limit} members) — someone must leave first, or the host can allow more with --max-members.</source>
            <translation>{address} 无法加入：房间已满（{limit} 人）—— 需要先有人离开，或者主机用 --max-members 允许更多人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} did not finish the private-room handshake within {seconds} s — it may not be chatgui, or it is an older version without private rooms.</source>
            <translation>{address} 没有在 {seconds} 秒内完成私密房间的握手 —— 它可能不是 chatgui，或者是不支持私密房间的旧版本。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} refused what we sent (“{detail}”) — send a shorter message, or check that both sides run compatible versions.</source>
            <translation>{address} 拒绝了我们发送的内容（“{detail}”）—— 请发送较短的消息，或确认双方运行的版本兼容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} sent a line longer than {limit} bytes, so that connection was closed — the other side should send shorter messages, one per line.</source>
            <translation>{address} 发送了一行超过 {limit} 字节的数据，因此该连接已关闭 —— 对方应该发送较短的消息，每行一条。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} sent a message whose “{field}” is malformed, so it was refused — that program does not follow chatgui's format.</source>
            <translation>{address} 发来的消息中“{field}”格式不正确，已被拒绝——那个程序没有遵守 chatgui 的格式。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} sent a message whose “{field}” is {size}, over the limit of {limit}, so it was refused — that program does not follow chatgui's limits.</source>
            <translation>{address} 发送的消息中“{field}”为 {size}，超过上限 {limit}，因此被拒绝 —— 那个程序没有遵守 chatgui 的限制。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} stopped reading what was sent to it, so its connection was closed once {limit} bytes were waiting — that program may be frozen or on a very slow network; it can join again.</source>
            <translation>{address} 不再读取发给它的数据，因此在积压了 {limit} 字节后关闭了它的连接 —— 那个程序可能已卡住，或网络非常慢；它可以重新加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} tried wrong passphrases, so its next tries wait {seconds} s — someone may be guessing the passphrase.</source>
            <translation>{address} 多次输入了错误口令，它的下一次尝试要等 {seconds} 秒 —— 可能有人在猜口令。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} was disconnected because it fell furthest behind while messages for all members waiting to be sent reached {limit} bytes — it can join again.</source>
            <translation>等待发给所有成员的消息达到 {limit} 字节，而 {address} 落后最多，因此被断开 —— 它可以重新加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{count} messages from {address} could not be read — a wrong passphrase or tampering?</source>
            <translation>来自 {address} 的 {count} 条消息无法读取 —— 口令错误，还是被篡改了？</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{first} or {last}</source>
            <translation>{first} 或 {last}</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{group} is not a multicast group — use an address from 224.0.0.0 to 239.255.255.255 (for example 239.255.50.7) or an IPv6 group starting with ff.</source>
            <translation>{group} 不是组播组 —— 请使用 224.0.0.0 到 239.255.255.255 之间的地址（例如 239.255.50.7），或以 ff 开头的 IPv6 组地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{host} is a link-local address: it only works together with the network interface it is reached through — add %{zone}: {example}.</source>
            <translation>{host} 是链路本地地址：必须和到达它所经过的网络接口一起使用——请加上 %{zone}：{example}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{host} is a link-local address: it only works together with the network interface it is reached through — add {zones}: {example}.</source>
            <translation>{host} 是链路本地地址：必须和到达它所经过的网络接口一起使用——请加上 {zones}：{example}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{host} is a link-local address: it only works together with the network interface it is reached through, and this computer has none with a link-local address — connect to the same network, or use another of the host's addresses.</source>
            <translation>{host} 是链路本地地址：必须和到达它所经过的网络接口一起使用，而这台计算机没有带链路本地地址的接口——请连到同一个网络，或者改用主机的其他地址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} ({address}) has not answered for {seconds} s, so the connection was closed — their program may be frozen or their network down; they can join again.</source>
            <translation>{nick}（{address}）已 {seconds} 秒没有响应，因此连接已关闭 —— 对方的程序可能卡死了或网络断了；对方可以重新加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{port} is not a valid port — use a number from 1 to 65535 (or 0 to let the system choose a free port when hosting).</source>
            <translation>{port} 不是有效的端口 —— 请使用 1 到 65535 之间的数字（主持房间时也可以用 0，由系统选择一个空闲端口）。</translation>
        </message>
    </context>
    <context>
        <name>QuitGuard</name>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>Don't ask again</source>
            <translation>不再询问</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>End the room?</source>
            <translation>结束房间？</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>Quit</source>
            <translation>退出</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>You are hosting {room}: quitting ends it (nobody else is in it now).</source>
            <translation>你正在主持 {room}：退出会结束这个房间（现在房间里没有别人）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>You are hosting {room}: quitting ends it for 1 person.</source>
            <translation>你正在主持 {room}：退出会让 1 个人的房间结束。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>You are hosting {room}: quitting ends it for {count} people.</source>
            <translation>你正在主持 {room}：退出会让 {count} 个人的房间结束。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>your room</source>
            <translation>你的房间</translation>
        </message>
    </context>
    <context>
        <name>ReconnectBanner</name>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Back in the room.</source>
            <translation>已回到房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Connection lost — reconnecting in {seconds} s (attempt {attempt})…</source>
            <translation>连接已断开 —— {seconds} 秒后重新连接（第 {attempt} 次尝试）…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Connection lost — reconnecting now (attempt {attempt})…</source>
            <translation>连接已断开 —— 正在重新连接（第 {attempt} 次尝试）…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Reconnecting</source>
            <translation>重新连接</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Stop reconnecting</source>
            <translation>停止重新连接</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Stop trying to reach the room; messages typed meanwhile are marked not sent.</source>
            <translation>不再尝试连接房间；期间输入的消息会标为未发送。</translation>
        </message>
    </context>
    <context>
        <name>ResultsTable</name>
        <message>
            <source>Bytes per second</source>
            <translation>每秒字节数</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已送达</translation>
        </message>
        <message>
            <source>Duplicated</source>
            <translation>重复</translation>
        </message>
        <message>
            <source>Elapsed, first send to last echo (s)</source>
            <translation>耗时，从第一次发送到最后一个回显（秒）</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>丢失</translation>
        </message>
        <message>
            <source>Messages per second</source>
            <translation>每秒消息数</translation>
        </message>
        <message>
            <source>Out of order</source>
            <translation>乱序</translation>
        </message>
        <message>
            <source>Round trip per message p50 / p95 / max (ms)</source>
            <translation>每条消息的往返时间 p50 / p95 / 最大（毫秒）</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <source>{0} so far</source>
            <translation>目前 {0}</translation>
        </message>
    </context>
    <context>
        <name>RoomsModel</name>
        <message>
            <source>A private room: joining asks for its passphrase.</source>
            <translation>私密房间：加入时需要输入口令。</translation>
        </message>
        <message>
            <source>Double-click to join. Addresses: {addresses}</source>
            <translation>双击加入。地址：{addresses}</translation>
        </message>
        <message>
            <source>hosted by {nick} · {mode} · {address}</source>
            <translation>由 {nick} 主持 · {mode} · {address}</translation>
        </message>
        <message>
            <source>none announced</source>
            <translation>未公布</translation>
        </message>
        <message>
            <source>private</source>
            <translation>私密</translation>
        </message>
        <message>
            <source>your room</source>
            <translation>你的房间</translation>
        </message>
        <message>
            <source>{room_description}, private</source>
            <translation>{room_description}，私密</translation>
        </message>
        <message>
            <source>{room}, hosted by {nick}, {mode}, {address}</source>
            <translation>{room}，由 {nick} 主持，{mode}，{address}</translation>
        </message>
    </context>
    <context>
        <name>RoomsPanel</name>
        <message>
            <source>About the rooms list</source>
            <translation>关于房间列表</translation>
        </message>
        <message>
            <source>Discovery</source>
            <translation>发现</translation>
        </message>
        <message>
            <source>Double-click a room to join it.</source>
            <translation>双击一个房间即可加入。</translation>
        </message>
        <message>
            <source>Every address of this computer, with who can use it.</source>
            <translation>本机的全部地址，以及谁能使用它们。</translation>
        </message>
        <message>
            <source>Host a room</source>
            <translation>主持房间</translation>
        </message>
        <message>
            <source>Host a room…</source>
            <translation>主持房间…</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <source>Join a room that is not in the list: type its address.</source>
            <translation>加入列表里没有的房间：输入它的地址。</translation>
        </message>
        <message>
            <source>Join by address</source>
            <translation>按地址加入</translation>
        </message>
        <message>
            <source>Join by address…</source>
            <translation>按地址加入…</translation>
        </message>
        <message>
            <source>Join by the host's address, or host your own room.</source>
            <translation>按主持人的地址加入，或者自己主持一个房间。</translation>
        </message>
        <message>
            <source>Join the selected room.</source>
            <translation>加入选中的房间。</translation>
        </message>
        <message>
            <source>No rooms found yet — ask someone to host one, or host your own.</source>
            <translation>还没有找到房间 —— 请别人主持一个，或者自己主持。</translation>
        </message>
        <message>
            <source>On this network</source>
            <translation>本网络上</translation>
        </message>
        <message>
            <source>Open a room on this computer: name it, and give it a passphrase to make it private.</source>
            <translation>在本机上开一个房间：给它起个名字；设置口令即成为私密房间。</translation>
        </message>
        <message>
            <source>Rooms hosted by chatgui on this network. Double-click one to join.</source>
            <translation>本网络上由 chatgui 主持的房间。双击一个即可加入。</translation>
        </message>
        <message>
            <source>Rooms on this network</source>
            <translation>本网络上的房间</translation>
        </message>
        <message>
            <source>Select a room in the list first, or join by its address.</source>
            <translation>请先在列表中选择一个房间，或者按地址加入。</translation>
        </message>
        <message>
            <source>This computer's addresses</source>
            <translation>本机的地址</translation>
        </message>
        <message>
            <source>This computer's addresses…</source>
            <translation>本机的地址…</translation>
        </message>
    </context>
    <context>
        <name>RttPlot</name>
        <message>
            <source>round trip (ms)</source>
            <translation>往返时间（毫秒）</translation>
        </message>
        <message>
            <source>time since start (s)</source>
            <translation>从开始起经过的时间（秒）</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <source>Delay legend</source>
            <translation>延迟图例</translation>
        </message>
        <message>
            <source>Each cell is one numbered message; its colour and mark say what became of it, and a delivered one's shade how much longer than the fastest its round trip took.</source>
            <translation>每一格是一条编号消息；颜色和标记表示它的结局，已送达格子的深浅表示它的往返时间比最快的慢了多少。</translation>
        </message>
        <message>
            <source>Each dot is one arrival: across, the order it arrived in; up, its sequence number. Without loss or reordering every dot sits on the dashed line; lost messages lift the line, late ones fall below their neighbours.</source>
            <translation>每个点代表一次到达：横向是到达的顺序，纵向是它的序号。没有丢失或乱序时，每个点都落在虚线上；丢失的消息会让线抬高，迟到的消息会落在相邻点的下方。</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>图例</translation>
        </message>
        <message>
            <source>On: the plots compare fairly. Off: each plot zooms in on its own protocol.</source>
            <translation>开：两个图表可以公平比较。关：每个图表按各自的协议缩放。</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>结果</translation>
        </message>
        <message>
            <source>Same scales for TCP and UDP</source>
            <translation>TCP 和 UDP 使用相同的刻度</translation>
        </message>
        <message>
            <source>Show: arrival order</source>
            <translation>显示：到达顺序</translation>
        </message>
        <message>
            <source>Show: round trip of each message</source>
            <translation>显示：每条消息的往返时间</translation>
        </message>
        <message>
            <source>The window is narrow: the two plots take turns. Wider, both show.</source>
            <translation>窗口较窄：两张图轮流显示。窗口更宽时两张都显示。</translation>
        </message>
        <message>
            <source>What the round trips measure</source>
            <translation>往返时间测的是什么</translation>
        </message>
        <message>
            <source>What {0} experiences</source>
            <translation>{0} 的表现</translation>
        </message>
        <message>
            <source>Where TCP's loss comes from</source>
            <translation>TCP 的丢失从何而来</translation>
        </message>
        <message>
            <source>Which plot to show</source>
            <translation>显示哪张图</translation>
        </message>
        <message>
            <source>{0} arrival order</source>
            <translation>{0} 到达顺序</translation>
        </message>
        <message>
            <source>{0} delivery strip</source>
            <translation>{0} 送达条</translation>
        </message>
        <message>
            <source>{0} round trip over time</source>
            <translation>{0} 往返时间变化</translation>
        </message>
        <message>
            <source>{0}: arrival order — big orange dots came late, blue ones twice</source>
            <translation>{0}：到达顺序 —— 橙色大点表示迟到，蓝色表示到达了两次</translation>
        </message>
        <message>
            <source>{0}: one cell per message, numbered left to right</source>
            <translation>{0}：每条消息一个格子，从左到右编号</translation>
        </message>
        <message>
            <source>{0}: round trip of each message</source>
            <translation>{0}：每条消息的往返时间</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <source>Close search</source>
            <translation>关闭搜索</translation>
        </message>
        <message>
            <source>Close search (Esc)</source>
            <translation>关闭搜索（Esc）</translation>
        </message>
        <message>
            <source>Find in this room</source>
            <translation>在本房间中查找</translation>
        </message>
        <message>
            <source>Find in this room's history</source>
            <translation>在本房间的历史记录中查找</translation>
        </message>
        <message>
            <source>Matches</source>
            <translation>匹配项</translation>
        </message>
        <message>
            <source>Messages of people you muted are not searched. Show a message (click it) or unmute its sender to find text in it.</source>
            <translation>不会搜索你已静音者的消息。显示某条消息（点击它）或取消对其发送者的静音，即可在其中查找。</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>下一个匹配项</translation>
        </message>
        <message>
            <source>Next match (Enter, F3)</source>
            <translation>下一个匹配项（Enter、F3）</translation>
        </message>
        <message>
            <source>No matches</source>
            <translation>没有匹配项</translation>
        </message>
        <message>
            <source>Previous match</source>
            <translation>上一个匹配项</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter, Shift+F3)</source>
            <translation>上一个匹配项（Shift+Enter、Shift+F3）</translation>
        </message>
        <message>
            <source>{current} of {total}</source>
            <translation>第 {current} 个，共 {total} 个</translation>
        </message>
        <message>
            <source>{hidden} more in muted messages</source>
            <translation>另有 {hidden} 项在已静音者的消息中</translation>
        </message>
    </context>
    <context>
        <name>SettingsPanel</name>
        <message>
            <source> %</source>
            <translation> %</translation>
        </message>
        <message>
            <source> /s</source>
            <translation> 条/秒</translation>
        </message>
        <message>
            <source> kbit/s</source>
            <translation> kbit/s</translation>
        </message>
        <message>
            <source> ms</source>
            <translation> 毫秒</translation>
        </message>
        <message>
            <source>A cap on the path's speed; 0 means no cap.</source>
            <translation>路径速度的上限；0 表示不限。</translation>
        </message>
        <message>
            <source>A computer running lab-peer:</source>
            <translation>运行 lab-peer 的计算机：</translation>
        </message>
        <message>
            <source>A peer computer</source>
            <translation>一台对端计算机</translation>
        </message>
        <message>
            <source>Answer lab runs from other computers</source>
            <translation>应答来自其他计算机的实验</translation>
        </message>
        <message>
            <source>Answers lab traffic on port {0} (TCP and UDP), like `python3 main.py lab-peer`, while this is ticked.</source>
            <translation>勾选期间，在端口 {0}（TCP 和 UDP）上应答实验流量，相当于 `python3 main.py lab-peer`。</translation>
        </message>
        <message>
            <source>Bandwidth cap</source>
            <translation>带宽上限</translation>
        </message>
        <message>
            <source>Bandwidth:</source>
            <translation>带宽：</translation>
        </message>
        <message>
            <source>Both ends run inside chatgui on 127.0.0.1: no second computer or person needed.</source>
            <translation>两端都在 chatgui 内部的 127.0.0.1 上运行：不需要第二台计算机，也不需要另一个人。</translation>
        </message>
        <message>
            <source>Bytes each:</source>
            <translation>每条字节数：</translation>
        </message>
        <message>
            <source>Bytes per message</source>
            <translation>每条消息的字节数</translation>
        </message>
        <message>
            <source>Bytes per message on the wire, the lab's sequence number and time stamp included.</source>
            <translation>每条消息在线路上的字节数，包括实验用的序号和时间戳。</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>条件</translation>
        </message>
        <message>
            <source>Conditions (applied by chatgui, same for both)</source>
            <translation>条件（由 chatgui 施加，两种协议相同）</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>延迟</translation>
        </message>
        <message>
            <source>Delay:</source>
            <translation>延迟：</translation>
        </message>
        <message>
            <source>Duplicates:</source>
            <translation>重复：</translation>
        </message>
        <message>
            <source>Duplication percent</source>
            <translation>重复百分比</translation>
        </message>
        <message>
            <source>Each packet's delay varies by up to this much, more or less.</source>
            <translation>每个数据包的延迟在此范围内上下浮动。</translation>
        </message>
        <message>
            <source>HOST[:PORT], port {0} if omitted</source>
            <translation>主机[:端口]，省略时为端口 {0}</translation>
        </message>
        <message>
            <source>How many numbered messages to send.</source>
            <translation>要发送多少条带编号的消息。</translation>
        </message>
        <message>
            <source>Jitter</source>
            <translation>抖动</translation>
        </message>
        <message>
            <source>Let other computers run the lab against this one</source>
            <translation>允许其他计算机对本机运行实验</translation>
        </message>
        <message>
            <source>Loss percent</source>
            <translation>丢包百分比</translation>
        </message>
        <message>
            <source>Loss:</source>
            <translation>丢包：</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Messages per second</source>
            <translation>每秒消息数</translation>
        </message>
        <message>
            <source>Messages per second. Paced, the round trips show the path; 0 sends everything in one burst, and then they show the messages queueing behind each other.</source>
            <translation>每秒消息数。按节奏发送时，往返时间反映路径；0 表示一次性突发全部发送，这时往返时间反映的是消息相互排队。</translation>
        </message>
        <message>
            <source>Messages:</source>
            <translation>消息数：</translation>
        </message>
        <message>
            <source>One-way delay added to every packet.</source>
            <translation>给每个数据包增加的单向延迟。</translation>
        </message>
        <message>
            <source>Packets delivered twice. UDP hands both copies to the program; TCP drops the repeat.</source>
            <translation>被送达两次的数据包。UDP 会把两份都交给程序；TCP 会丢弃重复的那份。</translation>
        </message>
        <message>
            <source>Packets held back and delivered after later ones. UDP: out of order; TCP: only delay.</source>
            <translation>被延后、在后面的数据包之后才送达的数据包。UDP：乱序；TCP：只是延迟。</translation>
        </message>
        <message>
            <source>Packets lost. UDP: the datagram is gone. TCP: the kernel resends it, so it arrives late.</source>
            <translation>丢失的数据包。UDP：数据报就此消失。TCP：内核会重传，所以它会迟到。</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>路径</translation>
        </message>
        <message>
            <source>Peer address</source>
            <translation>对端地址</translation>
        </message>
        <message>
            <source>Rate:</source>
            <translation>速率：</translation>
        </message>
        <message>
            <source>Reorder:</source>
            <translation>乱序：</translation>
        </message>
        <message>
            <source>Reordering percent</source>
            <translation>乱序百分比</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>随机种子</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>随机种子：</translation>
        </message>
        <message>
            <source>Start `python3 main.py lab-peer` on the other computer; it answers lab traffic.</source>
            <translation>在另一台计算机上启动 `python3 main.py lab-peer`；它会应答实验流量。</translation>
        </message>
        <message>
            <source>The same seed and settings repeat the same run exactly.</source>
            <translation>相同的种子和设置会完全重现同一次运行。</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>本机</translation>
        </message>
        <message>
            <source>This computer (a loopback pair)</source>
            <translation>本机（一对回环连接）</translation>
        </message>
        <message>
            <source>Workload</source>
            <translation>工作负载</translation>
        </message>
        <message>
            <source>Workload (each protocol)</source>
            <translation>工作负载（每种协议）</translation>
        </message>
        <message>
            <source>as fast as possible</source>
            <translation>尽可能快</translation>
        </message>
        <message>
            <source>no cap</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>± jitter:</source>
            <translation>± 抖动：</translation>
        </message>
    </context>
    <context>
        <name>StatusLabel</name>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Broadcasting on port {port}</source>
            <translation>正在端口 {port} 上广播</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Broadcasting on port {port} ({interface})</source>
            <translation>正在端口 {port} 上广播（{interface}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Connected to {address}</source>
            <translation>已连接到 {address}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Connected to {address} — {count} people in the room</source>
            <translation>已连接到 {address} —— 房间里有 {count} 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Connecting to {address}…</source>
            <translation>正在连接到 {address}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Disconnecting…</source>
            <translation>正在断开…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Hosting on port {port} — only you in the room so far</source>
            <translation>正在端口 {port} 上主持房间 —— 目前房间里只有你</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Hosting on port {port} — {count} people in the room</source>
            <translation>正在端口 {port} 上主持房间 —— 房间里有 {count} 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>In multicast group {group}, port {port}</source>
            <translation>在组播组 {group} 中，端口 {port}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Not connected — double-click a room to join it, or press Host a room…</source>
            <translation>未连接 —— 双击一个房间加入，或点击“主持房间…”。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Opening port {port}…</source>
            <translation>正在打开端口 {port}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>UDP port {port} is open — answering whoever writes to it</source>
            <translation>UDP 端口 {port} 已打开 —— 回复任何给它发消息的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>UDP port {port} is open — sending to {address}</source>
            <translation>UDP 端口 {port} 已打开 —— 发送到 {address}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>{where} — {count} people in the room</source>
            <translation>{where} —— 房间里有 {count} 人</translation>
        </message>
    </context>
    <context>
        <name>TranscriptView</name>
        <message>
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>复制</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>全选</translation>
        </message>
    </context>
    <context>
        <name>Transfers</name>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>(a file being prepared)</source>
            <translation>（正在准备的文件）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>1 byte</source>
            <translation>1 字节</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Cancelled; nothing was saved. Save again to resume.</source>
            <translation>已取消；没有保存任何内容。再次保存可从中断处继续。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Could not connect to {nick}'s computer (a firewall?). Files go directly between the two computers: ask {nick} to let chatgui accept connections in their firewall, or to be on the same network as you, then Save again.</source>
            <translation>无法连接到 {nick} 的电脑（防火墙？）。文件在两台电脑之间直接传输：请 {nick} 在防火墙中允许 chatgui 接受连接，或与你处于同一网络，然后再次保存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Could not write to {folder} ({why}): choose another folder with Save as…</source>
            <translation>无法写入 {folder}（{why}）：请用“另存为…”选择其他文件夹</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_ui.py" />
            <source>Downloads folder</source>
            <translation>下载文件夹</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>File</source>
            <translation>文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>File name</source>
            <translation>文件名</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Files in this room travel unencrypted; anyone on the network can read them. Use a private room (a passphrase) to protect them.</source>
            <translation>此房间中的文件以未加密方式传输；网络上的任何人都能读取。请使用私密房间（设置口令）来保护它们。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Join or host a room first; then paste the picture.</source>
            <translation>请先加入或主持一个房间，然后再粘贴图片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Join or host a room first; then send the file.</source>
            <translation>请先加入或主持一个房间，然后再发送文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>No room left on the disk of {folder}: free some space, then Save again to resume.</source>
            <translation>{folder} 所在磁盘已满：请腾出空间，然后再次保存以继续。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Nobody has fetched it yet.</source>
            <translation>还没有人接收。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Not offered.</source>
            <translation>未发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Open folder</source>
            <translation>打开文件夹</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Open the picture</source>
            <translation>打开图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Pasted picture {when}.png</source>
            <translation>粘贴的图片 {when}.png</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Preparing a file to offer…</source>
            <translation>正在准备要发送的文件…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Progress</source>
            <translation>进度</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Reading the file before offering it… {progress}</source>
            <translation>发送前正在读取文件… {progress}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Save a program or a script?</source>
            <translation>保存程序或脚本？</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save again</source>
            <translation>再次保存</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Save anyway</source>
            <translation>仍然保存</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save as…</source>
            <translation>另存为…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save it in your downloads folder.</source>
            <translation>保存到你的下载文件夹。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_ui.py" />
            <source>Save the file as</source>
            <translation>文件另存为</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Saved to {path}</source>
            <translation>已保存到 {path}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Send files to the room</source>
            <translation>向房间发送文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Size and kind</source>
            <translation>大小和类型</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Stop sending this file to one receiver; the others go on.</source>
            <translation>停止向某一个接收者发送这个文件；其他人继续。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Stop sending to…</source>
            <translation>停止发送给…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Take the offer back: nobody can fetch it any more.</source>
            <translation>撤回此文件：之后没人能再接收它。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The file could not be received; nothing was saved.</source>
            <translation>无法接收该文件；没有保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The file did not arrive intact; nothing was saved. Save again to try once more.</source>
            <translation>文件未能完整到达；没有保存任何内容。再次保存即可重试。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The file is larger than this room allows; nothing was saved.</source>
            <translation>文件超过此房间允许的大小；没有保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>The folder {folder} could not be made ({why}); choose another with Save as…</source>
            <translation>无法创建文件夹 {folder}（{why}）；请用“另存为…”选择其他位置</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The part already received does not match {nick}'s file; it was set aside — Save again to start over.</source>
            <translation>已收到的部分与 {nick} 的文件不符，已搁置——再次保存即可从头开始。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>The pasted picture could not be saved to offer it.</source>
            <translation>无法保存粘贴的图片，因此无法发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The sender went away; Save again to resume.</source>
            <translation>发送者已离开；再次保存可从中断处继续。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>The session ended; this offer is no longer available.</source>
            <translation>会话已结束；此文件已无法获取。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file could not be offered.</source>
            <translation>无法发送此文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file could not be read ({why}); it was not offered.</source>
            <translation>无法读取此文件（{why}）；未发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file could not be read; it was not offered.</source>
            <translation>无法读取此文件；未发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file is already being saved.</source>
            <translation>此文件已在保存中。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file is larger than this room allows; it was not offered.</source>
            <translation>此文件超过此房间允许的大小；未发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Transfer</source>
            <translation>传输</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Waiting for other transfers to finish…</source>
            <translation>正在等待其他传输完成…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Warning</source>
            <translation>警告</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Withdraw</source>
            <translation>撤回</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>You muted {nick}; this transfer goes on because you started it — Cancel stops it. This row folds when it ends.</source>
            <translation>你已将 {nick} 静音；这次传输是你发起的，所以会继续——点“取消”可停止。传输结束后这一行会折叠。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>You offered {name} ({size})</source>
            <translation>你发送了 {name}（{size}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>You withdrew this offer.</source>
            <translation>你已撤回此文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>offered {name} ({size})</source>
            <translation>发送了 {name}（{size}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>the folder cannot be written</source>
            <translation>该文件夹不可写入</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{done} of {total}</source>
            <translation>{done} / {total}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{figure} {unit}</source>
            <translation>{figure} {unit}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>{folder} is not a folder; choose another with Save as…</source>
            <translation>{folder} 不是文件夹；请用“另存为…”选择其他位置</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{h} h {m} min left</source>
            <translation>还剩 {h} 小时 {m} 分钟</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{kind} file</source>
            <translation>{kind} 文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{kind} picture</source>
            <translation>{kind} 图片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{m} min left</source>
            <translation>还剩 {m} 分钟</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>{name} is a program or a script. Opened, it could do anything your account can — delete files, steal passwords. Save it only if you trust the sender and expected it.</source>
            <translation>{name} 是程序或脚本。一旦打开，它能做你的账户能做的任何事——删除文件、窃取密码。只有在信任发送者并且预期会收到它时才保存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick} changed the file after offering it; nothing was saved. Ask them to offer it again.</source>
            <translation>{nick} 在发送后修改了该文件；没有保存任何内容。请对方重新发送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick} stopped sending this file; nothing was saved.</source>
            <translation>{nick} 停止了发送此文件；没有保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>{nick} withdrew this offer.</source>
            <translation>{nick} 撤回了此文件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer answered something chatgui does not understand; nothing was saved.</source>
            <translation>{nick} 的电脑回复了 chatgui 无法理解的内容；没有保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer could not read the request: your passphrase may differ from theirs. Nothing was saved.</source>
            <translation>{nick} 的电脑无法读取这个请求：你的口令可能与对方的不同。没有保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer is sending this file to many people at once; Save again in a moment.</source>
            <translation>{nick} 的电脑正同时向很多人发送此文件；请稍后再次保存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer no longer offers this file; nothing was saved.</source>
            <translation>{nick} 的电脑已不再提供此文件；没有保存任何内容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{n} bytes</source>
            <translation>{n} 字节</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: has it all</source>
            <translation>{peer}：已全部收到</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: not sent — the file can no longer be read</source>
            <translation>{peer}：未发送——文件已无法读取</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: not sent — the file changed on this computer; offer it again</source>
            <translation>{peer}：未发送——此电脑上的文件已更改；请重新发送</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: stopped</source>
            <translation>{peer}：已停止</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: stopped ({outcome})</source>
            <translation>{peer}：已停止（{outcome}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: went away before the end</source>
            <translation>{peer}：在完成前离开了</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: {progress}</source>
            <translation>{peer}：{progress}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{size}/s</source>
            <translation>{size}/秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{s} s left</source>
            <translation>还剩 {s} 秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>⚠ A program or a script: it can harm this computer. Save it only if you trust it.</source>
            <translation>⚠ 这是程序或脚本：可能危害此电脑。只有在信任它时才保存。</translation>
        </message>
    </context>
    <context>
        <name>TrayNotifier</name>
        <message>
            <source>chatgui</source>
            <translation>chatgui</translation>
        </message>
        <message>
            <source>chatgui — {count} unread</source>
            <translation>chatgui —— {count} 条未读</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s：错误：%(message)s
</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>--broadcast and --multicast need --udp</source>
            <translation>--broadcast 和 --multicast 需要配合 --udp 使用</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>--interface applies to --broadcast and --multicast only</source>
            <translation>--interface 只适用于 --broadcast 和 --multicast</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/main.py" />
            <source>--local-port applies to UDP only; it is ignored with --tcp.</source>
            <translation>--local-port 只适用于 UDP；使用 --tcp 时会被忽略。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>--raw cannot be used in a private room: raw text is sent as typed, which anyone on the network can read. Leave out --raw, or the passphrase (--passphrase-file, {env})</source>
            <translation>私密房间不能使用 --raw：原始文本按输入原样发送，网络上的任何人都能读到。请去掉 --raw，或去掉口令（--passphrase-file、{env}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/main.py" />
            <source>--self-test takes no command</source>
            <translation>--self-test 不接受命令</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>--ttl applies to --multicast only</source>
            <translation>--ttl 只适用于 --multicast</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/session.py" />
            <source>Announced on this network as "{name}" (python main.py discover lists it).</source>
            <translation>已在本网络上以“{name}”的名称公布（python main.py discover 可以列出它）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>Answering lab traffic on {host} port {port} (TCP and UDP).</source>
            <translation>正在 {host} 的端口 {port} 上应答实验流量（TCP 和 UDP）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>Cannot answer lab traffic on {bind} port {port}: {reason}</source>
            <translation>无法在 {bind} 的端口 {port} 上应答实验流量：{reason}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>FAILED  {failure}</source>
            <translation>失败  {failure}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/target.py" />
            <source>HOST names several addresses ({addresses}) — give one</source>
            <translation>HOST 里有多个地址（{addresses}）——请只给一个</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>HOST[:PORT] of a lab-peer (default: this computer)</source>
            <translation>lab-peer 的 主机[:端口]（默认：本机）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>Host a room. --tcp: listen on --bind:--port, accept many people, relay every message to the others.
--udp: bind --port and answer whoever writes (what you type goes to everyone heard from).
With --port 0 the system chooses a free port; it is printed on stderr ("Listening on port N").
The room is announced on the local network (multicast DNS) so that others find it
with 'python main.py discover' or in the window's room list; --no-announce keeps it quiet.
--udp --broadcast: send to the broadcast address of --interface and receive on --port.
--udp --multicast GROUP: join GROUP, send to it and receive from it on --port (--ttl N).
With a passphrase (--passphrase-file PATH or CHATGUI_PASSPHRASE) the room is private:
everything is encrypted, it is announced with a lock (never the passphrase), and only
people with the same passphrase can join.

</source>
            <translation>主持一个房间。--tcp：在 --bind:--port 上监听，接受多人加入，把每条消息转发给其他人。
--udp：绑定 --port，回复任何发来消息的人（你输入的内容发给所有发过消息的人）。
使用 --port 0 时由系统选择一个空闲端口，并打印到 stderr（"Listening on port N"）。
房间会在本地网络上公布（multicast DNS），其他人可以用
'python main.py discover' 或在窗口的房间列表中找到它；--no-announce 则不公布。
--udp --broadcast：发送到 --interface 的广播地址，并在 --port 上接收。
--udp --multicast GROUP：加入组播组 GROUP，在 --port 上向它发送并从它接收（--ttl N）。
有口令时（--passphrase-file PATH 或 CHATGUI_PASSPHRASE）房间是私密的：
一切都会加密，公布时带锁（从不公布口令），只有
口令相同的人才能加入。

</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>Join a room. --tcp: connect to HOST:PORT (5 s timeout). --udp: send each line as one datagram to HOST:PORT
and receive from anyone on --local-port.

</source>
            <translation>加入一个房间。--tcp：连接到 HOST:PORT（超时 5 秒）。--udp：把每一行作为一个数据报发送到 HOST:PORT，
并在 --local-port 上接收来自任何人的数据。

</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Join the TCP room at HOST:PORT (--udp: write to the UDP peer there), offer each PATH,
and serve them until every file has reached someone and no transfer runs, or until
Ctrl+C or the end of stdin. Receivers connect to this computer for the data: a firewall
must let them in. Progress and outcomes are printed on stderr.</source>
            <translation>加入 HOST:PORT 上的 TCP 房间（--udp：写给那里的 UDP 对端），提供每个 PATH，
并一直传送，直到每个文件都有人收到且没有传输在进行，或者直到
Ctrl+C 或 stdin 结束。接收方会连接到这台计算机来取数据：防火墙
必须允许它们进入。进度和结果打印在 stderr 上。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>Lines typed on stdin are sent (they wait until the session is up). Each received message
is printed on stdout as one line "SENDER: TEXT" (SENDER is the nickname, or host:port for
raw text); a message of several lines is printed as several lines with the same prefix, and
control, bidi and invisible characters are shown escaped (\x1b, \u202e), on stderr too.
Connection events and problems go to stderr.
End of input (Ctrl+D, or Ctrl+Z Enter on Windows), Ctrl+C or SIGTERM ends the session: exit
status 0. It is 1 when the session cannot start (port in use, connection refused, name not
found ...) or when the host you joined goes away (unless --reconnect), and 2 for a wrong
command line.</source>
            <translation>在标准输入中输入的每一行都会被发送（会话建立之前先等待）。每条收到的消息在标准输出上
打印为一行 "SENDER: TEXT"（SENDER 是昵称；原始文本则是 host:port）；多行的消息打印为
带相同前缀的多行；控制字符、双向文本字符和不可见字符都以转义形式显示（\x1b、\u202e），
标准错误输出上也一样。连接事件和问题写到标准错误输出。
输入结束（Ctrl+D，Windows 上为 Ctrl+Z 回车）、Ctrl+C 或 SIGTERM 会结束会话：退出状态为 0。
会话无法开始（端口被占用、连接被拒绝、找不到名称……）或你加入的主机离开时（除非使用
--reconnect）退出状态为 1，命令行有误时为 2。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>Listen for rooms announced on the local network (multicast DNS) for --timeout seconds,
then print one line per room: NICK  MODE  HOST  PORT  ROOM.
Exit status 0 (also when none is found: then a note on stderr), 1 when multicast does
not work on this computer. Announcements do not cross routers.</source>
            <translation>在 --timeout 秒内监听本地网络上公布的房间（multicast DNS），
然后每个房间打印一行：NICK  MODE  HOST  PORT  ROOM。
退出状态为 0（没有找到时也是，此时会在 stderr 上给出提示），组播在本机
无法使用时为 1。公布不会跨越路由器。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/discover.py" />
            <source>No rooms found on this network.</source>
            <translation>本网络上没有找到房间。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Offering {name} ({size} bytes) to the room.</source>
            <translation>正在向房间提供 {name}（{size} 字节）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP guest reads the host's sealed reply</source>
            <translation>私密 TCP 客户端读出主机的加密回复</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP host listens on 127.0.0.1</source>
            <translation>私密 TCP 主机在 127.0.0.1 上监听</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP host reads the guest's sealed message</source>
            <translation>私密 TCP 主机读出客户端的加密消息</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP join completes the handshake: the same room code on both sides</source>
            <translation>私密 TCP 加入完成握手：双方的房间代码相同</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A is bound on 127.0.0.1</source>
            <translation>私密 UDP 对等端 A 绑定在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A reads B's sealed datagram</source>
            <translation>私密 UDP 对等端 A 读出 B 的加密数据报</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A refuses a datagram that is not sealed</source>
            <translation>私密 UDP 对等端 A 拒收未加密的数据报</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A showed a datagram that is not sealed</source>
            <translation>私密 UDP 对等端 A 显示了未加密的数据报</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer B is bound on 127.0.0.1</source>
            <translation>私密 UDP 对等端 B 绑定在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer B reads A's sealed reply</source>
            <translation>私密 UDP 对等端 B 读出 A 的加密回复</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>RTT max ms</source>
            <translation>RTT 最大 毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>RTT p50 ms</source>
            <translation>RTT p50 毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>RTT p95 ms</source>
            <translation>RTT p95 毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Reading a file to offer: {percent}%</source>
            <translation>正在读取要提供的文件：{percent}%</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Received pictures can be shown (PNG, JPEG, GIF and WebP)</source>
            <translation>可以显示收到的图片（PNG、JPEG、GIF 和 WebP）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Received {name} from {nick} ({peer}): saved as {path}</source>
            <translation>已从 {nick}（{peer}）收到 {name}：保存为 {path}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Receiving {name} failed: {why}.</source>
            <translation>接收 {name} 失败：{why}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Receiving {name}: {done} of {total} bytes ({percent}%, {rate} MiB/s)</source>
            <translation>正在接收 {name}：{done} / {total} 字节（{percent}%，{rate} MiB/s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Sending {name} to {peer} stopped: {why}.</source>
            <translation>向 {peer} 发送 {name} 已停止：{why}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Sending {name} to {peer}: {done} of {total} bytes ({percent}%, {rate} MiB/s)</source>
            <translation>正在把 {name} 发送给 {peer}：{done} / {total} 字节（{percent}%，{rate} MiB/s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Sent {name} to {peer}.</source>
            <translation>已把 {name} 发送给 {peer}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>TCP cannot lose, duplicate or reorder bytes above the kernel, so its losses here are modelled: chatgui held back {lost} messages as TCP would after losing their packets ({delay:.0f} ms of timeouts in all) and {reordered} behind a reordered one, with every later message waiting behind them (head-of-line blocking); its {dup} duplicates cost nothing. No TCP packet was really lost: to see that, run lab-peer behind a lossy path (README, 'Real loss on Linux') and use --peer.</source>
            <translation>TCP 在内核之上不会丢失、重复或打乱字节，所以这里它的丢包是模拟的：chatgui 像 TCP 丢包后那样扣住了 {lost} 条消息（超时共 {delay:.0f} 毫秒），并把 {reordered} 条扣在一条乱序消息之后，之后的每条消息都排在它们后面等待（队头阻塞）；它的 {dup} 个重复没有任何代价。实际上没有任何 TCP 包丢失：要看真实丢包，请在一条会丢包的路径后面运行 lab-peer（README 的“Real loss on Linux”）并使用 --peer。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP guest gets a receipt from the host</source>
            <translation>TCP 客户端收到主机的回执</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP guest receives the host's reply</source>
            <translation>TCP 客户端收到主机的回复</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP host listens on 127.0.0.1</source>
            <translation>TCP 主机在 127.0.0.1 上监听</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP host receives the guest's message</source>
            <translation>TCP 主机收到客户端的消息</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP join connects to 127.0.0.1:{port}</source>
            <translation>TCP 加入连接到 127.0.0.1:{port}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: close a connection that has neither introduced itself nor sent a line by then (default: %(default)s)</source>
            <translation>TCP：关闭在此时限内既没有自我介绍、也没有发送一行文字的连接（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: give up on the other side after this many seconds without an answer (default: %(default)s)</source>
            <translation>TCP：对方这么多秒没有响应就放弃（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: send a ping after this many seconds of quiet (default: %(default)s)</source>
            <translation>TCP：安静这么多秒后发送一次 ping（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: the most connections at once; one more is told the room is full (default: %(default)s)</source>
            <translation>TCP：同时最多的连接数；再多一个会被告知房间已满（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: the most output waiting for all members together, in MiB; past it the slowest members are disconnected first (default: %(default)s)</source>
            <translation>TCP：等待发给所有成员的数据总量上限，单位 MiB；超过时先断开最慢的成员（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: when the host goes away or stops answering, join again after 1, 2, 4 ... 30 s until it is back (Ctrl+C to give up); lines typed meanwhile are sent once back</source>
            <translation>TCP：主机离开或不再响应时，隔 1、2、4 … 30 秒重新加入，直到它回来（按 Ctrl+C 放弃）；期间输入的行在回来后发送</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/session.py" />
            <source>The history file {path} cannot be used ({detail}); this session is not kept.</source>
            <translation>无法使用历史记录文件 {path}（{detail}）；本次会话不会被保存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>UDP only: the local port to receive on (default: 0 = any free port)</source>
            <translation>仅 UDP：用于接收的本地端口（默认：0 = 任意空闲端口）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A answers B (who wrote to it)</source>
            <translation>UDP 对等端 A 回复 B（给它发消息的一方）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A gets B's receipt</source>
            <translation>UDP 对等端 A 收到 B 的回执</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A is bound on 127.0.0.1</source>
            <translation>UDP 对等端 A 绑定在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A receives B's datagram</source>
            <translation>UDP 对等端 A 收到 B 的数据报</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer B gets A's receipt</source>
            <translation>UDP 对等端 B 收到 A 的回执</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer B is bound on 127.0.0.1</source>
            <translation>UDP 对等端 B 绑定在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>UDP: join the multicast GROUP (IPv4 or IPv6, e.g. %(example)s), send to it, receive from it</source>
            <translation>UDP：加入组播组 GROUP（IPv4 或 IPv6，例如 %(example)s），向它发送并从它接收</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>UDP: send to the broadcast address of --interface; receive broadcasts on --port</source>
            <translation>UDP：发送到 --interface 的广播地址；在 --port 上接收广播</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>a passphrase is never given on the command line (other users of this computer could read it in the process list): use --passphrase-file PATH or the environment variable {env}</source>
            <translation>口令从不在命令行上给出（这台计算机的其他用户能在进程列表中看到它）：请使用 --passphrase-file PATH 或环境变量 {env}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>a private room: read its passphrase from the first line of PATH (or set the environment variable %(env)s); everything sent is then encrypted and only people with the same passphrase can join. There is no option taking the passphrase itself: other users of this computer could read it in the process list</source>
            <translation>私密房间：从 PATH 的第一行读取口令（或设置环境变量 %(env)s）；之后发送的一切都会加密，只有口令相同的人才能加入。没有直接接受口令的选项：这台计算机的其他用户能在进程列表中看到它</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>address to listen on (default: every interface, IPv4 and IPv6)</source>
            <translation>监听的地址（默认：所有接口，IPv4 和 IPv6）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>有歧义的选项：%(option)s 可以匹配 %(matches)s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>answer lab traffic on TCP and UDP on one port</source>
            <translation>在同一个端口上应答 TCP 和 UDP 实验流量</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>参数 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>bandwidth cap, kbit/s (0: none)</source>
            <translation>带宽上限，kbit/s（0：不限）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>broadcast/multicast: the network interface to use, e.g. eth0 (default: the system's choice)</source>
            <translation>广播/组播：使用的网络接口，例如 eth0（默认：由系统选择）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>bytes per message</source>
            <translation>每条消息的字节数</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>bytes/s</source>
            <translation>字节/秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>cannot read the passphrase file {path}: {reason}</source>
            <translation>无法读取口令文件 {path}：{reason}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/app.py" />
            <source>chatgui cannot open its window: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session; or use the headless commands ({command}); or set QT_QPA_PLATFORM=offscreen to run the window without a screen.</source>
            <translation>chatgui 无法打开窗口：这里没有显示器（DISPLAY 和 WAYLAND_DISPLAY 都未设置）。请在桌面会话中启动它；或者使用无界面命令（{command}）；或者设置 QT_QPA_PLATFORM=offscreen，在没有屏幕的情况下运行窗口。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>chatgui: chat over TCP or UDP on a LAN. With no arguments, opens the window;
the commands below run without a window.</source>
            <translation>chatgui：在局域网上通过 TCP 或 UDP 聊天。不带参数时打开窗口；
下面的命令在没有窗口的情况下运行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>commands</source>
            <translation>命令</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>delivered</source>
            <translation>已送达</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>do not announce the room on the network (others can still join by address)</source>
            <translation>不在网络上公布房间（其他人仍然可以通过地址加入）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>duplicated</source>
            <translation>重复</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>encoding of raw text sent and received (default: %(default)s)</source>
            <translation>收发原始文本所用的编码（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>examples:
  python main.py                                  # the window
  python main.py host --tcp --port 50007          # host a room
  python main.py join --tcp 192.168.1.5 50007     # join it from another computer
  python main.py host --udp --port 50007          # a UDP peer answering whoever writes
  python main.py join --udp 192.168.1.5 50007     # a UDP peer writing to it
  python main.py host --tcp --raw --echo          # a tutorial-style echo server
  python main.py discover                         # the rooms announced on this network
  python main.py host --udp --broadcast           # everyone in broadcast mode on the subnet
  python main.py host --udp --multicast 239.255.50.7  # everyone in that group
  python main.py --self-test                      # TCP and UDP on this computer

Run 'python main.py host --help', 'python main.py join --help' or
'python main.py discover --help' for details.</source>
            <translation>示例：
  python main.py                                  # 窗口
  python main.py host --tcp --port 50007          # 主持一个房间
  python main.py join --tcp 192.168.1.5 50007     # 从另一台计算机加入
  python main.py host --udp --port 50007          # 回复任何发来消息的 UDP 对等端
  python main.py join --udp 192.168.1.5 50007     # 向它发消息的 UDP 对等端
  python main.py host --tcp --raw --echo          # 教程风格的回显服务器
  python main.py discover                         # 本网络上公布的房间
  python main.py host --udp --broadcast           # 子网内所有人使用广播模式
  python main.py host --udp --multicast 239.255.50.7  # 该组内的所有人
  python main.py --self-test                      # 在本机上测试 TCP 和 UDP

运行 'python main.py host --help'、'python main.py join --help' 或
'python main.py discover --help' 查看详情。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>examples:
  python main.py discover
  python main.py discover --timeout 10
  python main.py join --tcp HOST PORT             # then join one of them</source>
            <translation>示例：
  python main.py discover
  python main.py discover --timeout 10
  python main.py join --tcp HOST PORT             # 然后加入其中一个</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>examples:
  python main.py host --tcp                       # port 50007, every interface
  python main.py host --tcp --port 0 --nick ann   # any free port
  python main.py host --udp --bind 127.0.0.1 --port 9999
  python main.py host --tcp --raw --echo          # echo server for nc / tutorial clients
  python main.py host --tcp --raw --encoding gbk  # talk to a GBK program
  python main.py host --tcp --room 'Lab 3'        # announced as 'Lab 3'
  python main.py host --tcp --passphrase-file ~/.lab3-passphrase  # a private room
  python main.py host --udp --broadcast --interface eth0
  python main.py host --udp --multicast 239.255.50.7 --ttl 1
  python main.py host --udp --multicast ff12::50:7 --interface eth0</source>
            <translation>示例：
  python main.py host --tcp                       # 端口 50007，所有接口
  python main.py host --tcp --port 0 --nick ann   # 任意空闲端口
  python main.py host --udp --bind 127.0.0.1 --port 9999
  python main.py host --tcp --raw --echo          # 供 nc / 教程客户端使用的回显服务器
  python main.py host --tcp --raw --encoding gbk  # 与使用 GBK 的程序通信
  python main.py host --tcp --room 'Lab 3'        # 以 'Lab 3' 的名称公布
  python main.py host --tcp --passphrase-file ~/.lab3-passphrase  # 私密房间
  python main.py host --udp --broadcast --interface eth0
  python main.py host --udp --multicast 239.255.50.7 --ttl 1
  python main.py host --udp --multicast ff12::50:7 --interface eth0</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>examples:
  python main.py join --tcp 192.168.1.5 50007 --nick bob
  CHATGUI_PASSPHRASE='maple-river-candle-orbit' python main.py join --tcp 192.168.1.5 50007
  python main.py join --udp ::1 50007 --local-port 50008
  python main.py join --tcp [fd00::2]:50007       # as the host's window shows it
  python main.py join --tcp --raw 127.0.0.1 65432  # a tutorial echo server</source>
            <translation>示例：
  python main.py join --tcp 192.168.1.5 50007 --nick bob
  CHATGUI_PASSPHRASE='maple-river-candle-orbit' python main.py join --tcp 192.168.1.5 50007
  python main.py join --udp ::1 50007 --local-port 50008
  python main.py join --tcp [fd00::2]:50007       # 照主机窗口显示的写法
  python main.py join --tcp --raw 127.0.0.1 65432  # 教程中的回显服务器</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>examples:
  python main.py send-file --tcp 192.168.1.5 50007 photo.png --nick alice
  python main.py send-file --udp 192.168.1.5 50007 notes.pdf report.pdf</source>
            <translation>示例：
  python main.py send-file --tcp 192.168.1.5 50007 photo.png --nick alice
  python main.py send-file --udp 192.168.1.5 50007 notes.pdf report.pdf</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>exchange messages over TCP and UDP on 127.0.0.1 inside this process; exit 0 if all works</source>
            <translation>在本进程内通过 127.0.0.1 用 TCP 和 UDP 交换消息；全部正常则退出状态为 0</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>expected one argument</source>
            <translation>需要一个值</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/target.py" />
            <source>give the port: HOST PORT, or HOST:PORT ([v6]:PORT for IPv6)</source>
            <translation>请给出端口：HOST PORT，或 HOST:PORT（IPv6 写成 [v6]:PORT）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>host a TCP room, or be a UDP peer that answers whoever writes to it</source>
            <translation>主持一个 TCP 房间，或作为回复任何发来消息者的 UDP 对等端</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>how long to listen (default: %(default)s)</source>
            <translation>监听多长时间（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>invalid %(type)s value: %(value)r</source>
            <translation>无效的 %(type)s 值：%(value)r</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>无效的选择：%(value)r（可选：%(choices)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>its port</source>
            <translation>它的端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>join a TCP room, or write to a UDP peer</source>
            <translation>加入一个 TCP 房间，或向一个 UDP 对等端发消息</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>keep no history of this session</source>
            <translation>不保存本次会话的历史记录</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>list the chatgui rooms announced on this network</source>
            <translation>列出本网络上公布的 chatgui 房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>lost</source>
            <translation>丢失</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>messages per protocol</source>
            <translation>每种协议的消息数</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>messages per second (0: fast)</source>
            <translation>每秒消息数（0：尽快）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>messages/s</source>
            <translation>条/秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>multicast: how many routers a message may cross (default: 1, this network only)</source>
            <translation>组播：一条消息最多可以经过多少个路由器（默认：1，仅限本网络）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>name or address of the other side, or HOST:PORT, [v6]:PORT</source>
            <translation>对方的名称或地址，也可以写 HOST:PORT、[v6]:PORT</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>name or address of the room's host or the UDP peer</source>
            <translation>房间主机或 UDP 对端的名称或地址</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>not allowed with argument %s</source>
            <translation>不能与参数 %s 一起使用</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>nothing happened within {s:.0f} s</source>
            <translation>{s:.0f} 秒内什么也没有发生</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>offer files to a TCP room or a UDP peer and serve them</source>
            <translation>向 TCP 房间或 UDP 对端提供文件并传送它们</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>ok  {what} ({ms:.0f} ms)</source>
            <translation>通过  {what}（{ms:.0f} 毫秒）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>one of the arguments %s is required</source>
            <translation>必须给出参数 %s 之一</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>one-way delay, ms</source>
            <translation>单向延迟，毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>options</source>
            <translation>选项</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>out of order</source>
            <translation>乱序</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>percent duplicated</source>
            <translation>重复的百分比</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>percent of packets lost</source>
            <translation>丢包的百分比</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>percent reordered</source>
            <translation>乱序的百分比</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>port to listen on (default: %(default)s; 0 = any free port)</source>
            <translation>监听的端口（默认：%(default)s；0 = 任意空闲端口）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>positional arguments</source>
            <translation>位置参数</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>print one JSON object</source>
            <translation>输出一个 JSON 对象</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>raw mode: send each stdin line as plain bytes in --encoding with --line-ending, no JSON (to talk to nc, socat and tutorial socket scripts)</source>
            <translation>原始模式：把标准输入的每一行按 --encoding 编码、加上 --line-ending 作为纯字节发送，不用 JSON（用于与 nc、socat 和教程中的 socket 脚本通信）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>raw mode: what ends each line sent (default: %(default)s)</source>
            <translation>原始模式：每行发送时的结尾（默认：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>receive every file offered in the room into DIR (created if needed); where each one landed is printed on stderr. Names are cleaned; nothing is opened</source>
            <translation>把房间里提供的每个文件都接收到 DIR（需要时会创建）；每个文件存放的位置打印在 stderr 上。文件名会被清理；不会打开任何文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>run the same numbered messages over TCP and UDP at once and compare</source>
            <translation>同时通过 TCP 和 UDP 发送同样带编号的消息并进行比较</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>seconds</source>
            <translation>秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>self-test passed: {n} checks over TCP and UDP on 127.0.0.1</source>
            <translation>自检通过：在 127.0.0.1 上通过 TCP 和 UDP 完成了 {n} 项检查</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>send every received message back to its sender (raw stays raw), like tutorial echo servers</source>
            <translation>把收到的每条消息发回给发送者（原始文本仍是原始文本），就像教程中的回显服务器</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>sent</source>
            <translation>已发送</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>show this help message and exit</source>
            <translation>显示此帮助信息并退出</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>the SQLite file to keep this session's messages in (default: the window's history, so the window shows this room's messages when it opens the room)</source>
            <translation>保存本次会话消息的 SQLite 文件（默认：窗口的历史记录，这样窗口打开这个房间时会显示它的消息）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>the address to listen on</source>
            <translation>监听的地址</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>the files to offer</source>
            <translation>要提供的文件</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>the following arguments are required: %s</source>
            <translation>缺少以下参数：%s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase file {path} is empty: put the passphrase on its first line</source>
            <translation>口令文件 {path} 是空的：请把口令写在第一行</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase file {path} is not UTF-8 text</source>
            <translation>口令文件 {path} 不是 UTF-8 文本</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase in {source} is longer than {limit} characters</source>
            <translation>{source} 中的口令超过 {limit} 个字符</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase in {source} is not UTF-8 text</source>
            <translation>{source} 中的口令不是 UTF-8 文本</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>the port for both</source>
            <translation>两者共用的端口</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>the room's name announced on the network (default: "NICK's room")</source>
            <translation>在网络上公布的房间名称（默认："NICK 的房间"）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>the same seed repeats a run</source>
            <translation>相同的种子会重现同一次运行</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>unrecognized arguments: %s</source>
            <translation>无法识别的参数：%s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>usage: </source>
            <translation>用法：</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>use TCP</source>
            <translation>使用 TCP</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>use UDP</source>
            <translation>使用 UDP</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>your nickname (default: your user name)</source>
            <translation>你的昵称（默认：你的用户名）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>your nickname (default: your user name, here %(default)s)</source>
            <translation>你的昵称（默认：你的用户名，这里是 %(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/target.py" />
            <source>{address} says port {port}, and PORT says {other} — give the port once</source>
            <translation>{address} 写的端口是 {port}，PORT 却是 {other}——端口只写一次</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{name} is no longer offered.</source>
            <translation>{name} 已不再提供。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{name} is not offered: {why}.</source>
            <translation>{name} 没有提供：{why}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{nick} offers {name} ({size} bytes) — a program or script: open it only if you trust {nick}.</source>
            <translation>{nick} 提供了 {name}（{size} 字节）—— 这是程序或脚本：只有在你信任 {nick} 时才打开它。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{nick} offers {name} ({size} bytes).</source>
            <translation>{nick} 提供了 {name}（{size} 字节）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{nick}'s room</source>
            <translation>{nick} 的房间</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{port} is not a port: use a number from {lowest} to 65535</source>
            <translation>{port} 不是端口：请使用 {lowest} 到 65535 之间的数字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{ttl} is not a TTL: use a number from 1 to 255</source>
            <translation>{ttl} 不是有效的 TTL：请使用 1 到 255 之间的数字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{value} is not a number</source>
            <translation>{value} 不是数字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>{value} is not a percentage (0 to 100)</source>
            <translation>{value} 不是百分比（0 到 100）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{value} is not a time: use seconds from 0.1 to 3600</source>
            <translation>{value} 不是时间：请使用 0.1 到 3600 之间的秒数</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{value} is out of range: use a number from {lowest} to {highest}</source>
            <translation>{value} 超出范围：请使用 {lowest} 到 {highest} 之间的数字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>{value} must not be negative</source>
            <translation>{value} 不能为负数</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>± jitter, ms</source>
            <translation>± 抖动，毫秒</translation>
        </message>
    </context>
    <context>
        <name>startup</name>
        <message>
            <location filename="../../chatgui/cli/startup_time.py" />
            <source>startup: the window did not paint within {s} s</source>
            <translation>startup: 窗口在 {s} 秒内没有完成绘制</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/startup_time.py" />
            <source>startup: {ms} ms</source>
            <translation>startup: {ms} ms</translation>
        </message>
    </context>
</TS>
