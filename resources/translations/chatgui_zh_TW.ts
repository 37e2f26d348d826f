<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
    <context>
        <name>AddressChooser</name>
        <message>
            <source>Addresses found</source>
            <translation>找到的位址</translation>
        </message>
        <message>
            <source>Choose an address</source>
            <translation>選擇一個位址</translation>
        </message>
        <message>
            <source>Link-local: works only from a computer on the same network link.</source>
            <translation>鏈路本地位址：只有同一網路鏈路上的電腦能用。</translation>
        </message>
        <message>
            <source>What was pasted holds several addresses. Which one should be used?</source>
            <translation>貼上的內容裡有多個位址。要用哪一個？</translation>
        </message>
    </context>
    <context>
        <name>AddressEntry</name>
        <message>
            <source>The Host field holds several addresses — choose one, then press Connect again.</source>
            <translation>「主機」欄裡有多個位址——選一個，然後再按「連線」。</translation>
        </message>
    </context>
    <context>
        <name>Addresses</name>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>An IPv6 address with a port needs brackets, so the port is not read as part of the address — type {suggestion}.</source>
            <translation>帶連接埠的 IPv6 位址要加方括號，連接埠才不會被當成位址的一部分——請輸入 {suggestion}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>Type the other computer's address, e.g. 192.168.1.5:50007.</source>
            <translation>請輸入對方電腦的位址，例如 192.168.1.5:50007。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>“{port}” is not a port — after the colon, type a number from 1 to 65535, e.g. 192.168.1.5:50007.</source>
            <translation>「{port}」不是連接埠——冒號後面請輸入 1 到 65535 之間的數字，例如 192.168.1.5:50007。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>“{text}” has a bracket without its partner — write IPv6 addresses with a port as [fd00::2]:50007.</source>
            <translation>「{text}」裡的方括號不成對——帶連接埠的 IPv6 位址請寫成 [fd00::2]:50007。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>“{text}” is not an address — type a name or an IP address, with the port after a colon: 192.168.1.5:50007, [fd00::2]:50007 or my-pc.local:50007.</source>
            <translation>「{text}」不是位址——請輸入名稱或 IP 位址，連接埠寫在冒號後面：192.168.1.5:50007、[fd00::2]:50007 或 my-pc.local:50007。</translation>
        </message>
    </context>
    <context>
        <name>AddressesBar</name>
        <message>
            <source>(link-local)</source>
            <translation>（鏈路本地）</translation>
        </message>
        <message>
            <source>Address {address}</source>
            <translation>位址 {address}</translation>
        </message>
        <message>
            <source>Addresses to join</source>
            <translation>可用於加入的位址</translation>
        </message>
        <message>
            <source>All addresses…</source>
            <translation>全部位址…</translation>
        </message>
        <message>
            <source>Copy</source>
            <translation>複製</translation>
        </message>
        <message>
            <source>Copy {address}</source>
            <translation>複製 {address}</translation>
        </message>
        <message>
            <source>Copy {address} to the clipboard.</source>
            <translation>把 {address} 複製到剪貼簿。</translation>
        </message>
        <message>
            <source>Every address of this computer</source>
            <translation>本機的全部位址</translation>
        </message>
        <message>
            <source>Every address of this computer, with who can use it.</source>
            <translation>本機的全部位址，以及誰能使用它們。</translation>
        </message>
        <message>
            <source>Only this computer can join</source>
            <translation>只有本機能加入</translation>
        </message>
        <message>
            <source>Others can join at</source>
            <translation>其他人可以從這裡加入</translation>
        </message>
        <message>
            <source>Others can send to</source>
            <translation>其他人可以傳送到</translation>
        </message>
        <message>
            <source>Tell the other person this address, or copy it.</source>
            <translation>把這個位址告訴對方，或者複製它。</translation>
        </message>
        <message>
            <source>This computer has no network address other than itself (127.0.0.1:{port}).</source>
            <translation>本機除了自身（127.0.0.1:{port}）以外沒有其他網路位址。</translation>
        </message>
        <message>
            <source>Works only from a computer on the same network link.</source>
            <translation>只有同一網路鏈路上的電腦能用。</translation>
        </message>
    </context>
    <context>
        <name>AddressesPanel</name>
        <message>
            <source>Copy</source>
            <translation>複製</translation>
        </message>
        <message>
            <source>Copy {address}</source>
            <translation>複製 {address}</translation>
        </message>
        <message>
            <source>Copy {address} to the clipboard.</source>
            <translation>把 {address} 複製到剪貼簿。</translation>
        </message>
        <message>
            <source>This computer has no network address.</source>
            <translation>本機沒有網路位址。</translation>
        </message>
        <message>
            <source>This computer's addresses</source>
            <translation>本機的位址</translation>
        </message>
        <message>
            <source>others on the network can use this</source>
            <translation>網路上的其他人可以使用</translation>
        </message>
        <message>
            <source>same network link only</source>
            <translation>僅限同一網路鏈路</translation>
        </message>
        <message>
            <source>this computer only</source>
            <translation>僅限本機</translation>
        </message>
    </context>
    <context>
        <name>ArrivalPlot</name>
        <message>
            <source>arrival order (0 = first to arrive)</source>
            <translation>到達順序（0 = 最先到達）</translation>
        </message>
        <message>
            <source>sequence number</source>
            <translation>序號</translation>
        </message>
    </context>
    <context>
        <name>BoundariesView</name>
        <message>
            <source>As they arrive: the receiver reads each write's bytes before the next write, so writes do not merge but a small recv() splits them. Once everything arrived: the writes wait together in the kernel and one recv() takes several (粘包).</source>
            <translation>邊到邊讀：接收方在下一次寫入之前就讀走這次寫入的位元組，所以寫入不會粘在一起，但較小的 recv() 會把它們拆開。全部到達後再讀：幾次寫入一起等在核心裡，一次 recv() 就取走好幾次（粘包）。</translation>
        </message>
        <message>
            <source>Boundaries status</source>
            <translation>訊息邊界狀態</translation>
        </message>
        <message>
            <source>Bytes</source>
            <translation>位元組</translation>
        </message>
        <message>
            <source>Call</source>
            <translation>呼叫</translation>
        </message>
        <message>
            <source>Framing</source>
            <translation>分幀</translation>
        </message>
        <message>
            <source>Framing:</source>
            <translation>分幀：</translation>
        </message>
        <message>
            <source>Hex</source>
            <translation>十六進位</translation>
        </message>
        <message>
            <source>How many bytes each recv() may return. Smaller than a message, it cuts the message across reads (拆包). UDP's recvfrom() always takes a whole datagram.</source>
            <translation>每次 recv() 最多返回多少位元組。比一條訊息小時，這條訊息會被拆到幾次讀取中（拆包）。UDP 的 recvfrom() 總是取走整個資料包。</translation>
        </message>
        <message>
            <source>How the sender marks message ends and how the receiver finds them. Changing it re-reads the bytes already received; send again to frame them this way too.</source>
            <translation>傳送方如何標記訊息結尾，接收方如何找到它。更改後會重新解讀已收到的位元組；再傳送一次，新訊息也會按此方式分幀。</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>訊息</translation>
        </message>
        <message>
            <source>Read with {0}, the framing they were written with: the messages come out as sent.</source>
            <translation>按{0}讀取，也就是寫入時用的分幀方式：訊息和傳送時一樣。</translation>
        </message>
        <message>
            <source>Receive size</source>
            <translation>接收大小</translation>
        </message>
        <message>
            <source>Send three quick messages</source>
            <translation>快速傳送三條訊息</translation>
        </message>
        <message>
            <source>Sending over TCP…</source>
            <translation>正在透過 TCP 傳送…</translation>
        </message>
        <message>
            <source>Sending over UDP…</source>
            <translation>正在透過 UDP 傳送…</translation>
        </message>
        <message>
            <source>TCP carries a stream of bytes: the receiver's recv() may return two writes stuck together (粘包) or half of one (拆包). UDP keeps every datagram whole. A receiver needs framing to find where each message ends.</source>
            <translation>TCP 傳輸的是位元組流：接收方的 recv() 可能把兩次寫入粘在一起傳回（黏包），也可能只傳回一次寫入的一半（拆包）。UDP 則保持每個資料包完整。接收方需要分幀才能找到每條訊息的結尾。</translation>
        </message>
        <message>
            <source>TCP receiver calls recv() with:</source>
            <translation>TCP 接收方呼叫 recv() 的大小：</translation>
        </message>
        <message>
            <source>TCP: {0} send() calls came out as {1} recv() results. UDP: {2} sendto() calls, {3} recvfrom() results.</source>
            <translation>TCP：{0} 次 send() 呼叫變成了 {1} 次 recv() 結果。UDP：{2} 次 sendto() 呼叫，{3} 次 recvfrom() 結果。</translation>
        </message>
        <message>
            <source>Text</source>
            <translation>文字</translation>
        </message>
        <message>
            <source>The table changed because the receiver now looks for {1}, but these bytes were written with {0}: it finds {2} message(s) where the sender wrote 3, cut in the wrong places or not at all. Send again to write them with {1}.</source>
            <translation>表格變了，因為接收方現在按{1}尋找訊息，而這些位元組是按{0}寫入的：傳送方寫了 3 條，它卻找到 {2} 條，切在了錯誤的位置或根本切不開。再傳送一次，就會按{1}寫入。</translation>
        </message>
        <message>
            <source>What the receiver's framing makes of it:</source>
            <translation>接收方的分幀方式把它解讀為：</translation>
        </message>
        <message>
            <source>When the receiver reads</source>
            <translation>接收方何時讀取</translation>
        </message>
        <message>
            <source>Why the messages changed</source>
            <translation>訊息為何變了</translation>
        </message>
        <message>
            <source>Writes three short messages, one send() each, as fast as possible, over TCP and over UDP.</source>
            <translation>儘可能快地寫出三條短訊息，每條一次 send()，分別透過 TCP 和 UDP。</translation>
        </message>
        <message>
            <source>length-prefix framing</source>
            <translation>長度前綴分幀</translation>
        </message>
        <message>
            <source>length: a 4-byte big-endian length, then the bytes</source>
            <translation>長度前綴：先是 4 位元組大端長度，再是內容位元組</translation>
        </message>
        <message>
            <source>newline framing</source>
            <translation>換行分幀</translation>
        </message>
        <message>
            <source>newline: a message ends at \n</source>
            <translation>換行符：訊息在 \n 處結束</translation>
        </message>
        <message>
            <source>no framing</source>
            <translation>不分幀</translation>
        </message>
        <message>
            <source>none: each recv() is a message</source>
            <translation>無：每次 recv() 就是一條訊息</translation>
        </message>
        <message>
            <source>reading as the bytes arrive</source>
            <translation>邊到邊讀</translation>
        </message>
        <message>
            <source>reading once everything has arrived</source>
            <translation>全部到達後再讀</translation>
        </message>
        <message>
            <source>receiver: {0}</source>
            <translation>接收方：{0}</translation>
        </message>
        <message>
            <source>sender: {0}</source>
            <translation>傳送方：{0}</translation>
        </message>
        <message>
            <source>{0} bytes</source>
            <translation>{0} 位元組</translation>
        </message>
        <message>
            <source>{0} calls</source>
            <translation>{0} 次呼叫</translation>
        </message>
        <message>
            <source>{0} messages</source>
            <translation>{0} 條訊息</translation>
        </message>
    </context>
    <context>
        <name>CheckPopover</name>
        <message>
            <source>Check results</source>
            <translation>檢查結果</translation>
        </message>
        <message>
            <source>Checking {address}…</source>
            <translation>正在檢查 {address}…</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>關閉</translation>
        </message>
    </context>
    <context>
        <name>Checks</name>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Checking {address} failed: {detail}.</source>
            <translation>檢查 {address} 失敗：{detail}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>No answer from {address} in 3 s: the address may be wrong, or a firewall drops the connection.</source>
            <translation>{address} 在 3 秒內沒有應答：位址可能有誤，或者防火牆丟棄了連線。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Nothing is listening at {address}: the computer answered that no program uses UDP port {port} — check the port and that chatgui is running there.</source>
            <translation>{address} 沒有程式在監聽：對方電腦回應說沒有程式使用 UDP 連接埠 {port} —— 請檢查連接埠，並確認那裡正在執行 chatgui。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Nothing is listening at {address}: the computer is there, but no program accepts connections on port {port} — check the port and that the other side is hosting.</source>
            <translation>{address} 沒有程式在監聽：對方電腦有回應，但沒有程式在連接埠 {port} 上接受連線 —— 請檢查連接埠，並確認對方正在主持房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Sent a probe to {address}, no chatgui answered: UDP gets no reply unless a chatgui peer runs there (a firewall may also drop it).</source>
            <translation>已向 {address} 傳送探測包，但沒有 chatgui 應答：除非那裡執行著 chatgui，否則 UDP 不會收到任何回覆（也可能被防火牆丟棄）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>Type the other computer's address first, then check it.</source>
            <translation>請先輸入對方電腦的位址，再進行檢查。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{address} cannot be reached from this computer: no route to that network — check that both computers are on the same network (Wi-Fi or cable).</source>
            <translation>從本機無法到達 {address}：沒有通往該網路的路由 —— 請確認兩台電腦在同一網路（Wi-Fi 或有線）上。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{address} works: a chatgui peer answered in {ms} ms.</source>
            <translation>{address} 可用：一個 chatgui 在 {ms} 毫秒內應答。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{address} works: a program accepted the connection in {ms} ms.</source>
            <translation>{address} 可用：一個程式在 {ms} 毫秒內接受了連線。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{host} could not be found: check the spelling, or use the IP address shown on the host.</source>
            <translation>找不到 {host}：請檢查拼寫，或使用主機上顯示的 IP 位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_checks.py" />
            <source>{port} is not a valid port — use a number from 1 to 65535.</source>
            <translation>{port} 不是有效的連接埠 —— 請使用 1 到 65535 之間的數字。</translation>
        </message>
    </context>
    <context>
        <name>ConnectionBar</name>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>1–{count} characters</source>
            <translation>1–{count} 個字元</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>A private room: with a passphrase, everything sent is encrypted, and only people who type the same passphrase can join or read it. It never leaves this computer. Leave it empty for an open room.</source>
            <translation>私密房間：設定通關密語後，傳送的一切都會加密，只有輸入相同通關密語的人才能加入或讀取。通關密語永遠不會離開這台電腦。留空則為開放房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Address</source>
            <translation>位址</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Automatic</source>
            <translation>自動</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Broadcast</source>
            <translation>廣播</translation>
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
            <translation>檢查</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Check the address</source>
            <translation>檢查位址</translation>
        </message>
        <message>
            <source>Connect</source>
            <translation>連線</translation>
        </message>
        <message>
            <source>Disconnect</source>
            <translation>斷開</translation>
        </message>
        <message>
            <source>Disconnecting…</source>
            <translation>正在斷開…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Encoding</source>
            <translation>編碼</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Find out whether something answers at this address and port, without connecting.</source>
            <translation>不建立連線，檢查這個位址和連接埠上是否有程式應答。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Generate</source>
            <translation>產生</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Generate a passphrase</source>
            <translation>產生通關密語</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Group</source>
            <translation>多播組</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Host</source>
            <translation>主機</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Host a room</source>
            <translation>主持房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Host a room others join, or join someone's room.</source>
            <translation>主持一個房間讓別人加入，或加入別人的房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>How many routers a message may cross: 1 keeps it on this network segment.</source>
            <translation>一條訊息最多能經過多少個路由器：1 表示只在本網段內。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>How raw text is turned into bytes and back — also for raw text received.</source>
            <translation>原始文字如何轉換為位元組，以及如何轉換回來 —— 也適用於收到的原始文字。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Interface</source>
            <translation>網路介面</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Join a group address: everyone in the group and port hears everyone.</source>
            <translation>加入一個多播位址：同一組和連接埠中的每個人都能收到所有人的訊息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Keep the passphrase in this computer's keychain for this room, so it is filled in next time. It is never written to chatgui's settings file.</source>
            <translation>把這個房間的通關密語保存在本機的系統鑰匙圈中，下次自動填入。通關密語永遠不會寫入 chatgui 的設定檔。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>LF (\n)</source>
            <translation>LF（\n）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Leave empty to accept people on every network of this computer, or type one of its own addresses.</source>
            <translation>留空則接受來自本機所有網路的人，或者輸入本機自己的某個位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Line ending</source>
            <translation>行尾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Listen on</source>
            <translation>監聽位址</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Multicast</source>
            <translation>多播</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Multicast TTL</source>
            <translation>多播 TTL</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Multicast group</source>
            <translation>多播組</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>My UDP port</source>
            <translation>我的 UDP 連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>My port</source>
            <translation>我的連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Network interface</source>
            <translation>網路介面</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Nickname</source>
            <translation>暱稱</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Nickname rule</source>
            <translation>暱稱規則</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>No line ending</source>
            <translation>無行尾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>No name typed: others will see you as “{nick}”.</source>
            <translation>沒有輸入名字：其他人將看到你叫「{nick}」。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>No system keychain was found on this computer, so chatgui cannot remember a passphrase safely; type it each time.</source>
            <translation>這台電腦上沒有找到系統鑰匙圈，chatgui 無法安全地記住通關密語；請每次輸入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Nothing in this name can be shown: others will see you as “{nick}”.</source>
            <translation>這個名字裡沒有可以顯示的字元：其他人將看到你叫「{nick}」。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Others will see “{nick}”: invisible characters, line breaks and repeated spaces are left out.</source>
            <translation>其他人將看到「{nick}」：不可見字元、換行和連續空格會被去掉。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Passphrase</source>
            <translation>通關密語</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Peer</source>
            <translation>點對點</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Port</source>
            <translation>連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Propose a strong passphrase of four common words, easy to read out to the others.</source>
            <translation>產生一個由四個常用單字組成的強通關密語，方便唸給其他人聽。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Protocol</source>
            <translation>協定</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Raw text</source>
            <translation>原始文字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Raw text and a passphrase cannot go together: raw text is sent as typed, which anyone on the network can read. Turn off Raw text, or clear the passphrase.</source>
            <translation>原始文字和通關密語不能同時使用：原始文字按輸入原樣傳送，網路上的任何人都能讀到。請關閉「原始文字」，或清空通關密語。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Raw text mode</source>
            <translation>原始文字模式</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Remember passphrase</source>
            <translation>記住通關密語</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Role</source>
            <translation>角色</translation>
        </message>
        <message>
            <source>Room name</source>
            <translation>房間名稱</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Send exactly what you type, with no chatgui framing — to talk to nc, socat or a plain socket script.</source>
            <translation>原樣傳送你輸入的內容，不加 chatgui 分幀 —— 用於與 nc、socat 或普通的 socket 腳本通訊。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Send to</source>
            <translation>傳送到</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Send to everyone on this network who uses the same port.</source>
            <translation>傳送給本網路中使用相同連接埠的所有人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>Send to one computer's address; receive from anyone.</source>
            <translation>傳送到某一台電腦的位址；接收來自任何人的訊息。</translation>
        </message>
        <message>
            <source>Show the socket controls: TCP or UDP, role, address, port, raw text and encoding (View › Socket controls).</source>
            <translation>顯示 socket 控制項：TCP 或 UDP、角色、位址、連接埠、原始文字和編碼（檢視 › 通訊端控制項）。</translation>
        </message>
        <message>
            <source>Socket controls</source>
            <translation>通訊端控制項</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>TCP</source>
            <translation>TCP</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>TCP: a room with delivery guaranteed in order. UDP: single datagrams, no guarantee.</source>
            <translation>TCP：有序、可靠送達的房間。UDP：單個資料包，不保證送達。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>TTL</source>
            <translation>TTL</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Text encoding</source>
            <translation>文字編碼</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The UDP port the other side receives on.</source>
            <translation>對方接收所用的 UDP 連接埠。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>The UDP port this computer receives on; 0 (any) lets the system pick a free one.</source>
            <translation>本機接收所用的 UDP 連接埠；0（任意）表示由系統選擇一個可用連接埠。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The address of the computer hosting the room (a name, IPv4 or IPv6).</source>
            <translation>主持房間的電腦的位址（主機名稱、IPv4 或 IPv6）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>The multicast group address (239.x.y.z or ff15::…). Everyone who joins the same group and port hears everyone else.</source>
            <translation>多播組位址（239.x.y.z 或 ff15::…）。加入同一組和連接埠的每個人都能收到其他所有人的訊息。</translation>
        </message>
        <message>
            <source>The name others see in their list of rooms on this network.</source>
            <translation>其他人在本網路房間列表中看到的名稱。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>The name others see next to your messages: 1 to {count} characters.</source>
            <translation>其他人在你的訊息旁看到的名字：1 到 {count} 個字元。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>The name others will see</source>
            <translation>其他人將看到的名字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The other computer's address. Leave it empty to answer whoever sends to this computer's UDP port.</source>
            <translation>對方電腦的位址。留空則回覆任何傳送到本機 UDP 連接埠的人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The port the host's room listens on.</source>
            <translation>主機房間監聽的連接埠。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>The port your room listens on; others type it to join.</source>
            <translation>你的房間監聽的連接埠；其他人輸入它來加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>The system keychain did not keep the passphrase ({reason}); type it again next time.</source>
            <translation>系統鑰匙圈沒有保存通關密語（{reason}）；下次請重新輸入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Their port</source>
            <translation>對方連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>UDP</source>
            <translation>UDP</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>UDP has no rooms: every peer sends datagrams to the others.</source>
            <translation>UDP 沒有房間：每個對等端都直接向其他人傳送資料包。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>Use the same port on every computer: chatgui sends and receives on it.</source>
            <translation>每台電腦使用相同的連接埠：chatgui 在這個連接埠上收發。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>What raw mode puts after each message you send.</source>
            <translation>原始文字模式在你傳送的每條訊息後面附加的內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>Which network card to use; Automatic lets chatgui choose.</source>
            <translation>使用哪塊網路卡；選擇「自動」則由 chatgui 決定。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>Why Connect is disabled</source>
            <translation>為什麼無法連線</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>Your name</source>
            <translation>你的名字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>all interfaces</source>
            <translation>所有介面</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/socket_panel.py" />
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>anyone who writes to me</source>
            <translation>任何給我發訊息的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_passphrase.py" />
            <source>none: an open room</source>
            <translation>無：開放房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_fields.py" />
            <source>the host's address, e.g. 192.168.1.5</source>
            <translation>主機的位址，例如 192.168.1.5</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/nick_field.py" />
            <source>your name in the room</source>
            <translation>你在房間裡的名字</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>{name} (not found)</source>
            <translation>{name}（未找到）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>{name} (this computer only)</source>
            <translation>{name}（僅限本機）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/connection_form.py" />
            <source>{name} ({ip})</source>
            <translation>{name}（{ip}）</translation>
        </message>
        <message>
            <source>{nick}'s room</source>
            <translation>{nick} 的房間</translation>
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
            <translation>多 200 毫秒以上（等待重傳）</translation>
        </message>
        <message>
            <source>50–200 ms more</source>
            <translation>多 50–200 毫秒</translation>
        </message>
        <message>
            <source>Delivered, round trip compared with the run's fastest:</source>
            <translation>已送達，往返時間與本次最快的相比：</translation>
        </message>
        <message>
            <source>on time (under 10 ms more)</source>
            <translation>準時（多不到 10 毫秒）</translation>
        </message>
    </context>
    <context>
        <name>Discovery</name>
        <message>
            <source>Finding rooms on this network is not possible: {reason} — you can still type an address.</source>
            <translation>無法在本網路上尋找房間：{reason} —— 你仍然可以手動輸入位址。</translation>
        </message>
        <message>
            <source>it is turned off ({setting})</source>
            <translation>該功能已關閉（{setting}）</translation>
        </message>
        <message>
            <source>others on this network keep taking the room's name</source>
            <translation>網路上的其他人一再佔用這個房間名稱</translation>
        </message>
        <message>
            <source>the system refused multicast ({detail})</source>
            <translation>系統拒絕了多播（{detail}）</translation>
        </message>
        <message>
            <source>this computer has no network connection</source>
            <translation>本機沒有網路連線</translation>
        </message>
    </context>
    <context>
        <name>Events</name>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>A plain-text program (not chatgui) connected.</source>
            <translation>一個純文字程式（不是 chatgui）已連線。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>A plain-text program disconnected.</source>
            <translation>一個純文字程式已斷開。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Back in the room at {address}.</source>
            <translation>已回到 {address} 的房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connected to {remote} (from {local}).</source>
            <translation>已連線到 {remote}（本機 {local}）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connection lost — reconnecting to {address} in {seconds} s (attempt {attempt})…</source>
            <translation>連線已中斷 —— {seconds} 秒後重新連線 {address}（第 {attempt} 次嘗試）…</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Disconnected.</source>
            <translation>已斷開。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>In the room: {nicks}.</source>
            <translation>房間裡有：{nicks}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Listening on port {port} ({addresses}).</source>
            <translation>正在監聽連接埠 {port}（{addresses}）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Listening on port {port}; every message goes to {destination} ({interface}).</source>
            <translation>正在監聽連接埠 {port}；每條訊息都發往 {destination}（{interface}）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Listening on port {port}; every message goes to {destination}.</source>
            <translation>正在監聽連接埠 {port}；每條訊息都發往 {destination}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Nobody is in the room.</source>
            <translation>房間裡沒有人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Private room: everything is encrypted. Room code {code} — the other side sees the same code unless someone is in between.</source>
            <translation>私密房間：所有內容都已加密。房間代碼 {code} —— 對方看到的代碼相同，除非中間有人介入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The name {requested} is taken in this room; you are {nick} here.</source>
            <translation>名字 {requested} 在這個房間裡已被使用；你在這裡叫 {nick}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The session has ended.</source>
            <translation>工作階段已結束。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} connected (plain text, not chatgui).</source>
            <translation>{address} 已連線（純文字，不是 chatgui）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} disconnected.</source>
            <translation>{address} 已斷開。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} ({address}) left (not heard from for {seconds} s).</source>
            <translation>{nick}（{address}）已離開（{seconds} 秒沒有收到對方的訊息）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} ({address}) left.</source>
            <translation>{nick}（{address}）已離開。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} joined from {address}.</source>
            <translation>{nick} 從 {address} 加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} joined.</source>
            <translation>{nick} 已加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} left.</source>
            <translation>{nick} 已離開。</translation>
        </message>
    </context>
    <context>
        <name>FateLegend</name>
        <message>
            <source>delivered once, in order</source>
            <translation>按順序送達一次</translation>
        </message>
        <message>
            <source>duplicated</source>
            <translation>重複</translation>
        </message>
        <message>
            <source>late (out of order)</source>
            <translation>遲到（亂序）</translation>
        </message>
        <message>
            <source>lost</source>
            <translation>丟失</translation>
        </message>
        <message>
            <source>not yet arrived</source>
            <translation>尚未到達</translation>
        </message>
    </context>
    <context>
        <name>Files</name>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>Files go only between chatgui apps — turn raw mode off to send one.</source>
            <translation>檔案只能在 chatgui 應用程式之間傳送 —— 請關閉原始模式後再傳送。</translation>
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
            <translation>無法讀取</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>it cannot be written: {reason}</source>
            <translation>無法寫入：{reason}</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>over the room's limit</source>
            <translation>超過了房間的上限</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the connection ended before the end — a new offer of the same file resumes it</source>
            <translation>連線在傳完之前就結束了 —— 同一檔案的新提供會從斷點繼續</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the disk refused it</source>
            <translation>磁碟拒絕了寫入</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the file arrived changed (its SHA-256 differs) — it was deleted; try again</source>
            <translation>收到的檔案已被改變（SHA-256 不同）—— 已刪除；請重試</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the file changed on the sender's disk since it was offered</source>
            <translation>提供之後，傳送方磁碟上的檔案已被改動</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the offer is no longer there</source>
            <translation>該提供已不存在</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the other side broke the protocol</source>
            <translation>對方違反了協定</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the same file is already being received into that folder</source>
            <translation>同一個檔案已經在接收到該資料夾中</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender is busy with other transfers — try again in a moment</source>
            <translation>傳送方正忙於其他傳輸 —— 請稍後再試</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender refused ({reason})</source>
            <translation>傳送方拒絕了（{reason}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender's computer cannot be reached: {reason} — a firewall may block its file port</source>
            <translation>無法連線到傳送方的電腦：{reason} —— 可能是防火牆擋住了它的檔案連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>the sender's computer did not answer — a firewall may block its file port</source>
            <translation>傳送方的電腦沒有回應 —— 可能是防火牆擋住了它的檔案連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{nick} ({address}) offered a file of {size} bytes, over your limit of {limit} bytes — it is not shown.</source>
            <translation>{nick}（{address}）提供了一個 {size} 位元組的檔案，超過了你 {limit} 位元組的上限 —— 不予顯示。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{path} cannot be offered: it is not a file — choose a file.</source>
            <translation>{path} 無法提供：它不是檔案 —— 請選擇一個檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{path} cannot be offered: {reason} — choose a file you can open.</source>
            <translation>{path} 無法提供：{reason} —— 請選擇一個你能開啟的檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_files.py" />
            <source>{path} is {size} bytes, over this room's limit of {limit} bytes — it is not offered.</source>
            <translation>{path} 有 {size} 位元組，超過了本房間 {limit} 位元組的上限 —— 沒有提供它。</translation>
        </message>
    </context>
    <context>
        <name>HelpDialogs</name>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Check tells whether anything answers at an address before you join it.</source>
            <translation>「檢查」可在加入之前看看某個位址是否有程式回應。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Host a room: type your name, press “Host a room…” and tell the others one of the addresses shown under “Others can join at” (each has its own Copy button). The room lasts as long as you host it.</source>
            <translation>主持房間：輸入你的名字，按「主持房間…」，再把「其他人可透過以下位址加入」下列出的一個位址告訴別人（每個位址都有自己的「複製」按鈕）。你主持多久，房間就存在多久。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>How to chat</source>
            <translation>如何聊天</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>How to read the lab</source>
            <translation>如何看懂實驗室</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Join a room: double-click it in the list of rooms on this network, or press “Join by address…” and type or paste the address the host told you (for example 192.168.1.20:50007).</source>
            <translation>加入房間：在本網路的房間列表中按兩下它，或按「依位址加入…」，輸入或貼上主持人告訴你的位址（例如 192.168.1.20:50007）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Private rooms: give a room a passphrase and everything in it is encrypted; only people who type the same passphrase can join or read it. Compare the room code with the other side: the same code means nobody is in between.</source>
            <translation>私密房間：給房間設一個通關密語，房間裡的一切都會加密；只有輸入相同通關密語的人才能加入或讀到內容。和對方核對房間代碼：代碼相同，表示中間沒有人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/help_dialogs.py" />
            <source>Ticks: ✓ beside your message means it arrived — at the host, who passes it to everyone in the room. On the host's own messages, ✓ means it was passed to every member's connection. ✗ means it was not delivered: send it again.</source>
            <translation>勾號：你的訊息旁的 ✓ 表示它已送達主持人，由主持人轉給房間裡的每個人。在主持人自己的訊息上，✓ 表示它已交給每位成員的連線。✗ 表示沒有送達：請重新傳送。</translation>
        </message>
    </context>
    <context>
        <name>History</name>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>The history file {path} cannot be used: {detail}</source>
            <translation>無法使用歷史紀錄檔案 {path}：{detail}</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>event</source>
            <translation>事件</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>kind</source>
            <translation>類型</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>problem</source>
            <translation>問題</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>raw text</source>
            <translation>原始文字</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>received</source>
            <translation>收到</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>sender</source>
            <translation>傳送者</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>sent</source>
            <translation>已傳送</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>text</source>
            <translation>內容</translation>
        </message>
        <message>
            <location filename="../../chatgui/history/bridge.py" />
            <source>time</source>
            <translation>時間</translation>
        </message>
    </context>
    <context>
        <name>HistoryBrowser</name>
        <message>
            <source>&amp;Open</source>
            <translation>開啟(&amp;O)</translation>
        </message>
        <message>
            <source>About the history</source>
            <translation>關於歷史紀錄</translation>
        </message>
        <message>
            <source>History</source>
            <translation>歷史紀錄</translation>
        </message>
        <message>
            <source>Last activity</source>
            <translation>最近活動</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>訊息數</translation>
        </message>
        <message>
            <source>No history</source>
            <translation>沒有歷史紀錄</translation>
        </message>
        <message>
            <source>No history yet: the rooms you join or host are listed here.</source>
            <translation>還沒有歷史紀錄：你加入或建立的房間會列在這裡。</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>開啟</translation>
        </message>
        <message>
            <source>Room</source>
            <translation>房間</translation>
        </message>
        <message>
            <source>Rooms with history</source>
            <translation>有歷史紀錄的房間</translation>
        </message>
        <message>
            <source>Rooms you have been in. Open one to read, search or export it — no connection needed.</source>
            <translation>你去過的房間。開啟一個即可閱讀、搜尋或匯出——無需連線。</translation>
        </message>
    </context>
    <context>
        <name>HistoryWindow</name>
        <message>
            <source>Export CSV…</source>
            <translation>匯出為 CSV…</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>匯出為 JSON…</translation>
        </message>
        <message>
            <source>Export text…</source>
            <translation>匯出為文字…</translation>
        </message>
        <message>
            <source>History — {room}</source>
            <translation>歷史紀錄——{room}</translation>
        </message>
        <message>
            <source>Read only</source>
            <translation>唯讀</translation>
        </message>
        <message>
            <source>Saved conversation</source>
            <translation>儲存的對話</translation>
        </message>
        <message>
            <source>Saved history of {room}: read only. Ctrl+F finds in it.</source>
            <translation>{room} 的已儲存歷史紀錄：唯讀。按 Ctrl+F 在其中尋找。</translation>
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
            <translation>產生</translation>
        </message>
        <message>
            <source>Generate a passphrase</source>
            <translation>產生通關密語</translation>
        </message>
        <message>
            <source>Host a room</source>
            <translation>主持房間</translation>
        </message>
        <message>
            <source>Host the room</source>
            <translation>主持房間</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>通關密語</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>連接埠</translation>
        </message>
        <message>
            <source>Remember passphrase</source>
            <translation>記住通關密語</translation>
        </message>
        <message>
            <source>Room name</source>
            <translation>房間名稱</translation>
        </message>
        <message>
            <source>The name others see in their list of rooms on this network.</source>
            <translation>其他人在本網路房間列表中看到的名稱。</translation>
        </message>
        <message>
            <source>The port your room listens on; others type it to join.</source>
            <translation>你的房間監聽的連接埠；其他人輸入它來加入。</translation>
        </message>
        <message>
            <source>Where the room listens</source>
            <translation>房間在哪裡監聽</translation>
        </message>
        <message>
            <source>With a passphrase the room is private: everything sent is encrypted, and only people who type the same passphrase can join. Leave it empty for an open room.</source>
            <translation>有通關密語的房間是私密房間：傳送的一切都會加密，只有輸入相同通關密語的人才能加入。留空則是開放房間。</translation>
        </message>
        <message>
            <source>any</source>
            <translation>任意</translation>
        </message>
        <message>
            <source>none: an open room</source>
            <translation>無：開放房間</translation>
        </message>
    </context>
    <context>
        <name>JoinAddressDialog</name>
        <message>
            <source>Address</source>
            <translation>位址</translation>
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
            <translation>依位址加入</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>通關密語</translation>
        </message>
        <message>
            <source>Port</source>
            <translation>連接埠</translation>
        </message>
        <message>
            <source>Type the address the host gave you. A private room also needs its passphrase.</source>
            <translation>輸入主持人告訴你的位址。私密房間還需要它的通關密語。</translation>
        </message>
        <message>
            <source>none: an open room</source>
            <translation>無：開放房間</translation>
        </message>
        <message>
            <source>the host's address, e.g. 192.168.1.5</source>
            <translation>主機的位址，例如 192.168.1.5</translation>
        </message>
    </context>
    <context>
        <name>LabController</name>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>Cannot answer lab runs on port {port}: {reason}.</source>
            <translation>無法在連接埠 {port} 上應答實驗：{reason}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>Nobody answers lab traffic at {peer}: start 'lab-peer' there, or check the port.</source>
            <translation>{peer} 上沒有程式應答實驗流量：請在那裡啟動 lab-peer，或檢查連接埠。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>The lab could not run: {reason}.</source>
            <translation>實驗無法執行：{reason}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>The lab settings are not valid ({detail}): check the peer address and the numbers.</source>
            <translation>實驗設定無效（{detail}）：請檢查對端位址和各項數值。</translation>
        </message>
        <message>
            <location filename="../../chatgui/lab/bridge.py" />
            <source>{peer} did not answer in time: check the address and the firewall.</source>
            <translation>{peer} 沒有及時應答：請檢查位址和防火牆。</translation>
        </message>
    </context>
    <context>
        <name>LabHelp</name>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>A picture, both ways: the same picture over TCP and over UDP at once, sent as its pixels, a few rows per datagram. TCP's arrives whole, later; UDP's on time, with a grey band for every datagram lost. Save as PNG keeps both pictures with the version, conditions and seed.</source>
            <translation>一張圖片，兩種方式：同一張圖片同時經 TCP 和 UDP 以像素傳送，每個資料包幾列。TCP 的完整到達，但較晚；UDP 的準時到達，每遺失一個資料包就有一條灰帶。「存成 PNG」會連同版本、條件和種子儲存兩幅圖片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Lifecycle shows TCP's handshake and goodbye against UDP's lone datagrams, and what happens when nobody listens. Export CSV, Export JSON and Save pictures write the run with the version, the conditions and the seed that produced it: the same seed and settings repeat the same run.</source>
            <translation>“生命週期”對比 TCP 的握手與告別和 UDP 孤零零的資料包，並演示沒人監聽時會發生什麼。匯出 CSV、匯出 JSON 和儲存圖片都會寫明產生這次執行的版本、條件和隨機種子：相同的種子和設定會重現同樣的執行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Measured and modelled: what arrived, when and in what order, and every round trip, is measured. TCP's losses on this computer are modelled: chatgui held the messages back as TCP would after losing their packets; no TCP packet was really lost. To see the kernel's own TCP recover from real loss, run lab-peer behind a lossy path (the README's nft recipe).</source>
            <translation>實測與模擬：到達了什麼、何時、以什麼順序，以及每次往返時間，都是實測的。這台電腦上 TCP 的遺失封包是模擬的：chatgui 像 TCP 遺失封包後那樣扣住訊息；實際上沒有任何 TCP 封包遺失。要看核心自己的 TCP 從真實遺失封包中恢復，請在一條會遺失封包的路徑後面執行 lab-peer（README 中的 nft 方法）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Message boundaries (粘包 / 拆包): TCP carries bytes, not messages. Read as the bytes arrive with a small recv() size, one message is cut across reads; read once everything has arrived, several writes come out of one recv(). Choose a framing (newline or a length prefix) to see how a receiver finds the messages again. UDP keeps each datagram whole.</source>
            <translation>訊息邊界（粘包 / 拆包）：TCP 傳送的是位元組，不是訊息。用較小的 recv() 邊到邊讀，一條訊息會被拆到幾次讀取中；全部到達後再讀，幾次寫入會從一次 recv() 中一起出來。選擇一種分幀方式（換行或長度前綴），看接收方如何重新找出訊息。UDP 讓每個資料包保持完整。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>The figures: Elapsed is the time from the first send to the last echo. A round trip is measured per message; p50 is the median, p95 the time 95 of 100 messages beat. By default the messages are paced (1,000 a second), so the round trips show the path. Sent as fast as possible, they leave in one burst and queue behind each other, and the round trips then measure that queue.</source>
            <translation>數字：“耗時”是從第一次傳送到最後一個回顯的時間。往返時間按每條訊息測量；p50 是中位數，p95 是 100 條訊息中 95 條都快於的時間。預設按節奏傳送（每秒 1,000 條），所以往返時間反映的是路徑。如果盡可能快地傳送，訊息會一次性突發出去並相互排隊，這時往返時間測的就是排隊。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>The lab sends the same numbered messages over TCP and UDP at the same time, under the same conditions, and shows side by side what each protocol delivered. Press Run; Settings shows or hides the workload, the path and the conditions.</source>
            <translation>實驗室在相同條件下，同時透過 TCP 和 UDP 傳送同樣的編號訊息，並排顯示每種協定送達了什麼。按“執行”開始；“設定”可顯示或隱藏工作負載、路徑和條件。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>The strips: one cell per message, numbered left to right. Red with a cross: lost. Orange with a stroke: arrived out of order. Blue with a dot: arrived twice. A delivered cell darkens from green to brown the longer its round trip took than the run's fastest. UDP shows its losses as red cells; TCP loses nothing but shows the same trouble as darker cells: a resend's wait, and every message that waited behind it.</source>
            <translation>色條：每條訊息一格，從左到右編號。紅色帶叉：丟失。橙色帶斜線：亂序到達。藍色帶點：到達兩次。已送達的格子，往返時間比本次最快的慢得越多，顏色就從綠色變得越深，直到棕色。UDP 把丟失顯示為紅格；TCP 不丟任何東西，但同樣的麻煩會顯示為更深的格子：等待重傳，以及排在它後面一起等待的每條訊息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/help.py" />
            <source>Where the trouble comes from: the conditions are applied by the lab on the sending side, before the socket. UDP's datagrams are really dropped, duplicated or held back. On this computer TCP runs over loopback, which loses nothing, so a lost TCP packet is held back for one retransmission timeout (at least 200 ms, doubling when the resend is lost too), as the kernel would resend it.</source>
            <translation>麻煩從哪裡來：條件由實驗室在傳送端、資料進入通訊端之前施加。UDP 的資料包會真的被丟棄、複製或扣留。在本機上 TCP 走回送，不會丟任何東西，所以一個“丟失”的 TCP 封包會被扣留一個重傳逾時（至少 200 毫秒，重傳再丟失時加倍），就像核心重傳它那樣。</translation>
        </message>
    </context>
    <context>
        <name>LabNotes</name>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Done. TCP delivered {0} of {1} in {2} s elapsed; UDP delivered {3} of {4} in {5} s, lost {6}, duplicated {7}, out of order {8}.</source>
            <translation>完成。TCP 送達 {0} / {1}，耗時 {2} 秒；UDP 送達 {3} / {4}，耗時 {5} 秒，丟失 {6}，重複 {7}，亂序 {8}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Measured: what arrived, when, in what order, and every round trip. Modelled: TCP's losses.</source>
            <translation>實測：到達了什麼、何時、以什麼順序，以及每次往返時間。模擬：TCP 的遺失封包。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Paced: one message every {0} ms, so the round trips show the path and the conditions set, not messages queueing behind each other.</source>
            <translation>按節奏傳送：每 {0} 毫秒一條，所以往返時間反映的是路徑和所設條件，而不是訊息相互排隊。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>TCP here runs over loopback, which loses nothing.</source>
            <translation>這裡的 TCP 走本機回送，回送不會丟任何東西。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>TCP here runs over the network to {0}; a loss on that network is resent by the kernel.</source>
            <translation>這裡的 TCP 透過網路連到 {0}；那段網路上的丟失由核心重傳。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>TCP: the kernel resends lost packets and puts bytes back in order, so nothing is lost or out of order above it. Loss is paid in time instead: every later message waits behind the missing one (head-of-line blocking).</source>
            <translation>TCP：核心會重傳丟失的封包並把位元組重新排好順序，所以在它之上不會出現丟失或亂序。代價是時間：後面的每條訊息都要等待丟失的那一條（線頭阻塞）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>The loss, delay and reordering you set are applied by the lab before the socket: a lost TCP packet is held back for one retransmission timeout (at least 200 ms, doubled for each resend that is lost too), a reordered one holds back the messages behind it, and a duplicate costs nothing. UDP's datagrams are really dropped, duplicated or held back.</source>
            <translation>你設定的丟失、延遲和亂序由實驗室在資料進入通訊端之前施加：一個“丟失”的 TCP 封包會被扣留一個重傳逾時（至少 200 毫秒，每次重傳再丟失就加倍），一個亂序的封包會擋住它後面的訊息，重複則沒有任何代價。UDP 的資料包會真的被丟棄、複製或扣留。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>This run (modelled): chatgui held back {0} messages as TCP would after losing their packets. Those holds add up to {1} s ({2} ms per held-back message on average); they overlap, so the run took {3} s elapsed (measured).</source>
            <translation>本次（模擬）：chatgui 像 TCP 遺失封包後那樣扣住了 {0} 則訊息。這些扣留合計 {1} 秒（平均每則被扣訊息 {2} 毫秒）；它們互相重疊，所以本次實際用時 {3} 秒（實測）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>This run: chatgui dropped {0} datagrams before the socket, sent {1} twice and held back {2}, as the conditions set; the figures count what really arrived.</source>
            <translation>本次：chatgui 依所設條件在通訊端之前丟棄了 {0} 個資料包，傳送了 {1} 個兩次，扣留了 {2} 個；數字統計的是實際到達的內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>To see TCP recover from real loss, run lab-peer on a computer behind a lossy path (the README's nft recipe drops packets between two network namespaces) and choose it as the path.</source>
            <translation>要看 TCP 從真實遺失封包中恢復，請在一條會遺失封包的路徑後面的電腦上執行 lab-peer（README 中的 nft 方法會在兩個網路命名空間之間丟棄封包），並選它作為路徑。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>UDP: every datagram travels alone. Dropped, duplicated and reordered datagrams reach the program exactly as the network delivered them; nothing waits and nothing is resent.</source>
            <translation>UDP：每個資料包獨立傳輸。被丟棄、重複和亂序的資料包會原樣交給程式，與網路送達的情況完全一致；沒有等待，也沒有重傳。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>Unpaced: all messages left in one burst, so each one queued behind the ones before it in the sockets' buffers and the echo's; the round trips measure that queue more than the path. UDP queues longer here: every datagram is its own send and echo, while TCP hands the burst to the kernel in a few large writes. Set a rate to measure the path.</source>
            <translation>不限速：所有訊息一次性突發出去，每條都在通訊端緩衝區和回顯端排在前面的訊息後面；往返時間測到的更多是這段排隊，而不是路徑。這裡 UDP 排隊更久：每個資料包都要單獨傳送、單獨回顯，而 TCP 把這批資料分成幾次大的寫入交給核心。設定傳送速率才能測量路徑本身。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>at {0}/s</source>
            <translation>每秒 {0} 條</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>bandwidth {0} kbit/s</source>
            <translation>頻寬 {0} kbit/s</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>chatgui held back {0} messages as TCP would after losing their packets.</source>
            <translation>chatgui 像 TCP 遺失封包後那樣扣住了 {0} 則訊息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>delay {0} ms ± {1} ms</source>
            <translation>延遲 {0} 毫秒 ± {1} 毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>duplicates {0} %</source>
            <translation>重複 {0} %</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>loss {0} %</source>
            <translation>丟失 {0} %</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>no bandwidth cap</source>
            <translation>不限頻寬</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>no conditions set</source>
            <translation>未設定條件</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>reorder {0} %</source>
            <translation>亂序 {0} %</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>seed {0}</source>
            <translation>隨機種子 {0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>this computer (loopback)</source>
            <translation>本機（回送）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>unpaced</source>
            <translation>不限速</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/notes.py" />
            <source>{0} messages × {1} B {2}</source>
            <translation>{0} 條訊息 × {1} 位元組，{2}</translation>
        </message>
    </context>
    <context>
        <name>LabPicture</name>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Both pictures as a PNG image, captioned with the version, conditions and seed.</source>
            <translation>兩幅圖片存成一張 PNG 影像，下方註明版本、條件和種子。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Built-in drawing</source>
            <translation>內建圖畫</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Choose a picture</source>
            <translation>選擇圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Choose a picture…</source>
            <translation>選擇圖片…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Could not write {0}: check that the folder exists and that you may write there.</source>
            <translation>無法寫入 {0}：請檢查資料夾是否存在、你是否有寫入權限。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Done under {0}.</source>
            <translation>完成，條件：{0}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>How the picture travels</source>
            <translation>圖片如何傳輸</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Measured: which blocks each receiver got, and when. This runs on this computer, over loopback, which loses nothing.</source>
            <translation>實測：每個接收端收到了哪些區塊、何時收到。本次在這台電腦上經迴環執行，迴環不會遺失封包。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Modelled: chatgui dropped {udp} of UDP's datagrams before the socket, and held back {tcp} of TCP's blocks as TCP would after losing their packets ({wait} s of retransmission timeouts in all); no TCP packet was really lost.</source>
            <translation>模擬：chatgui 在通訊端之前丟棄了 UDP 的 {udp} 個資料包，並像 TCP 遺失封包後那樣扣住了 TCP 的 {tcp} 個區塊（重傳逾時共 {wait} 秒）；實際上沒有任何 TCP 封包遺失。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>PNG images (*.png)</source>
            <translation>PNG 影像 (*.png)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Picture status</source>
            <translation>圖片狀態</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Pictures (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</source>
            <translation>圖片 (*.png *.jpg *.jpeg *.gif *.bmp *.webp)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Reading {name}…</source>
            <translation>正在讀取 {name}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Save as PNG…</source>
            <translation>存成 PNG…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Save the pictures</source>
            <translation>儲存圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Save the pictures as PNG</source>
            <translation>將圖片存成 PNG</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Saved to {0}</source>
            <translation>已儲存到 {0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send a picture of yours instead (PNG, JPEG, GIF…), or drop one on this tab; it is made small first.</source>
            <translation>改為傳送你自己的圖片（PNG、JPEG、GIF…），或把圖片拖到此分頁；會先縮小。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send both ways</source>
            <translation>兩種方式傳送</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send the picture both ways</source>
            <translation>用兩種方式傳送圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Send the picture over TCP and over UDP at the same time.</source>
            <translation>同時透過 TCP 和 UDP 傳送這張圖片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Sending the picture over TCP and UDP on this computer…</source>
            <translation>正在這台電腦上透過 TCP 和 UDP 傳送圖片…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Stopped with {received} of {blocks} blocks: the connection broke.</source>
            <translation>在收到 {blocks} 個區塊中的 {received} 個時停止：連線中斷了。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>TCP: resends what is lost, so the picture arrives whole, later</source>
            <translation>TCP：重傳遺失的部分，所以圖片完整到達，但較晚</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>The built-in drawing</source>
            <translation>內建圖畫</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>The built-in drawing is missing from this installation: choose a picture.</source>
            <translation>此安裝中缺少內建圖畫：請選擇一張圖片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>UDP: one datagram per block, nothing resent</source>
            <translation>UDP：每個區塊一個資料包，不重傳</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>What was measured and what was modelled</source>
            <translation>哪些是實測，哪些是模擬</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>What {0} delivered</source>
            <translation>{0} 交付了什麼</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Which picture to send</source>
            <translation>傳送哪張圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Whole after {seconds} s: {blocks} of {blocks} blocks.</source>
            <translation>{seconds} 秒後完整：{blocks} 個區塊中的 {blocks} 個。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>Your picture: {0}</source>
            <translation>你的圖片：{0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{0} is not a picture chatgui can read (or it is over 40 megapixels): choose another.</source>
            <translation>{0} 不是 chatgui 能讀取的圖片（或超過 4000 萬像素）：請換一張。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{0} picture</source>
            <translation>{0} 圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{0} · {1} · this computer (loopback)</source>
            <translation>{0} · {1} · 這台電腦（迴環）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{name} ({width} × {height} pixels) travels as its pixels, not as a compressed file (where one lost datagram would spoil the whole picture): each datagram carries {rows} rows of pixels, {size} bytes (at most {limit}), so {blocks} datagrams per protocol. TCP and UDP send at the same time under the conditions in Settings; UDP never resends.</source>
            <translation>{name}（{width} × {height} 像素）以像素本身傳輸，而不是壓縮檔（壓縮檔遺失一個資料包整張圖就壞了）：每個資料包攜帶 {rows} 列像素，{size} 位元組（最多 {limit}），所以每種協定 {blocks} 個資料包。TCP 和 UDP 在「設定」中的條件下同時傳送；UDP 從不重傳。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{received} of {blocks} blocks in {seconds} s; {holes} grey holes where datagrams were lost ({late} arrived out of order, {duplicates} twice).</source>
            <translation>{seconds} 秒內收到 {blocks} 個區塊中的 {received} 個；{holes} 個灰色空洞是遺失的資料包（{late} 個亂序到達，{duplicates} 個到達兩次）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{received} of {blocks} blocks so far.</source>
            <translation>目前收到 {blocks} 個區塊中的 {received} 個。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/picture_tab.py" />
            <source>{received} of {blocks} blocks so far; the rest wait for resends.</source>
            <translation>目前收到 {blocks} 個區塊中的 {received} 個；其餘的在等待重傳。</translation>
        </message>
    </context>
    <context>
        <name>LabWidget</name>
        <message>
            <source>A picture, both ways</source>
            <translation>一張圖片，兩種方式</translation>
        </message>
        <message>
            <source>Answering lab runs on port {0}: on the other computer choose “A computer running lab-peer” and type this computer's address.</source>
            <translation>正在連接埠 {0} 上應答實驗：在另一台電腦上選擇「執行 lab-peer 的電腦」，並輸入本機的位址。</translation>
        </message>
        <message>
            <source>Applied by the lab on the sending side, before the socket. UDP's datagrams are really dropped, duplicated or held back; TCP's bytes cannot be, so for TCP a lost packet is held back for one retransmission timeout (at least 200 ms, doubling when the resend is lost too) and a reordered one holds back the messages behind it.</source>
            <translation>由實驗室在傳送端、資料進入通訊端之前施加。UDP 的資料包會真的被丟棄、複製或扣留；TCP 的位元組做不到這些，所以對 TCP 來說，一個丟失的封包會被扣留一個重傳逾時（至少 200 毫秒，重傳再丟失時加倍），一個亂序的封包會擋住它後面的訊息。</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 檔案 (*.csv)</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Cancelled. The pictures show what had happened by then.</source>
            <translation>已取消。圖表顯示的是到那時為止發生的情況。</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>正在取消…</translation>
        </message>
        <message>
            <source>Could not write {0}: check that the folder exists and that you may write there.</source>
            <translation>無法寫入 {0}：請檢查資料夾是否存在，以及你是否有寫入權限。</translation>
        </message>
        <message>
            <source>Delivery</source>
            <translation>送達</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>匯出 CSV</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>匯出 CSV…</translation>
        </message>
        <message>
            <source>Export JSON</source>
            <translation>匯出 JSON</translation>
        </message>
        <message>
            <source>Export JSON…</source>
            <translation>匯出 JSON…</translation>
        </message>
        <message>
            <source>Export the run as CSV</source>
            <translation>把本次執行匯出為 CSV</translation>
        </message>
        <message>
            <source>Export the run as JSON</source>
            <translation>把本次執行匯出為 JSON</translation>
        </message>
        <message>
            <source>JSON files (*.json)</source>
            <translation>JSON 檔案 (*.json)</translation>
        </message>
        <message>
            <source>Lab</source>
            <translation>實驗</translation>
        </message>
        <message>
            <source>Lab status</source>
            <translation>實驗狀態</translation>
        </message>
        <message>
            <source>Lab views</source>
            <translation>實驗檢視</translation>
        </message>
        <message>
            <source>Lifecycle</source>
            <translation>生命週期</translation>
        </message>
        <message>
            <source>Message boundaries</source>
            <translation>訊息邊界</translation>
        </message>
        <message>
            <source>Message boundaries — in Chinese often called 粘包 / 拆包.</source>
            <translation>訊息邊界 —— 中文裡常說的黏包 / 拆包。</translation>
        </message>
        <message>
            <source>No longer answering lab runs from other computers.</source>
            <translation>不再應答來自其他電腦的實驗。</translation>
        </message>
        <message>
            <source>One row per message per protocol: its fate, arrival and round trip, after comment lines naming the version, conditions and seed.</source>
            <translation>每種協定的每條訊息一行：它的結局、到達和往返時間；前面的註釋行寫明版本、條件和隨機種子。</translation>
        </message>
        <message>
            <source>PNG images (*.png)</source>
            <translation>PNG 圖片 (*.png)</translation>
        </message>
        <message>
            <source>Run</source>
            <translation>執行</translation>
        </message>
        <message>
            <source>Save pictures as PNG</source>
            <translation>把圖表儲存為 PNG</translation>
        </message>
        <message>
            <source>Save pictures…</source>
            <translation>儲存圖表…</translation>
        </message>
        <message>
            <source>Save the pictures</source>
            <translation>儲存圖表</translation>
        </message>
        <message>
            <source>Saved to {0}</source>
            <translation>已儲存到 {0}</translation>
        </message>
        <message>
            <source>Send the workload over TCP and UDP at the same time.</source>
            <translation>同時透過 TCP 和 UDP 傳送這批訊息。</translation>
        </message>
        <message>
            <source>Sending {0} messages over TCP and UDP on this computer…</source>
            <translation>正在本機上透過 TCP 和 UDP 傳送 {0} 條訊息…</translation>
        </message>
        <message>
            <source>Sending {0} messages over TCP and UDP to {1}…</source>
            <translation>正在透過 TCP 和 UDP 向 {1} 傳送 {0} 條訊息…</translation>
        </message>
        <message>
            <source>Settings</source>
            <translation>設定</translation>
        </message>
        <message>
            <source>Settings of the run</source>
            <translation>本次執行的設定</translation>
        </message>
        <message>
            <source>Show or hide the settings</source>
            <translation>顯示或隱藏設定</translation>
        </message>
        <message>
            <source>Show or hide the workload, path and conditions.</source>
            <translation>顯示或隱藏工作負載、路徑和條件。</translation>
        </message>
        <message>
            <source>The figures of both protocols, as `lab --json` prints them.</source>
            <translation>兩種協定的資料，與 `lab --json` 輸出的相同。</translation>
        </message>
        <message>
            <source>The results and pictures as a PNG image, captioned with the version, conditions and seed.</source>
            <translation>把結果和圖片儲存為 PNG 影像，並附上寫明版本、條件和隨機種子的說明文字。</translation>
        </message>
        <message>
            <source>The same picture over TCP and over UDP: whole and later, or on time with holes.</source>
            <translation>同一張圖片經 TCP 和經 UDP：完整但較晚，或準時但有空洞。</translation>
        </message>
        <message>
            <source>Type the address of a computer running lab-peer, or choose this computer.</source>
            <translation>輸入執行 lab-peer 的電腦的位址，或者選擇本機。</translation>
        </message>
        <message>
            <source>Where the last file was saved</source>
            <translation>上一個檔案的儲存位置</translation>
        </message>
    </context>
    <context>
        <name>LifecycleView</name>
        <message>
            <source>Connects, sends a few bytes and closes over TCP; sends one datagram over UDP.</source>
            <translation>透過 TCP 建立連線、傳送幾個位元組然後關閉；透過 UDP 傳送一個資料包。</translation>
        </message>
        <message>
            <source>Detail</source>
            <translation>詳情</translation>
        </message>
        <message>
            <source>Lifecycle summary</source>
            <translation>生命週期摘要</translation>
        </message>
        <message>
            <source>Recording a TCP connection and a UDP datagram…</source>
            <translation>正在記錄一個 TCP 連線和一個 UDP 資料包…</translation>
        </message>
        <message>
            <source>Send to a port where nobody listens</source>
            <translation>傳送到沒有程式監聽的連接埠</translation>
        </message>
        <message>
            <source>Sending to a port where nobody listens…</source>
            <translation>正在傳送到沒有程式監聽的連接埠…</translation>
        </message>
        <message>
            <source>Show a connection's life</source>
            <translation>展示一個連線的一生</translation>
        </message>
        <message>
            <source>Side</source>
            <translation>一方</translation>
        </message>
        <message>
            <source>TCP did not report a refusal.</source>
            <translation>TCP 沒有報告連線被拒絕。</translation>
        </message>
        <message>
            <source>TCP failed at once: connection refused.</source>
            <translation>TCP 立即失敗：連線被拒絕。</translation>
        </message>
        <message>
            <source>TCP fails at once (connection refused); UDP says it sent the datagram while nothing arrives.</source>
            <translation>TCP 立即失敗（連線被拒絕）；UDP 說資料包已傳送，但什麼也沒有到達。</translation>
        </message>
        <message>
            <source>TCP is a connection: a handshake before any data, and a goodbye (FIN) after. UDP has no connection at all: each datagram goes out on its own, and nobody tells the sender whether it arrived.</source>
            <translation>TCP 是面向連線的：傳送資料前要握手，結束後要告別（FIN）。UDP 完全沒有連線：每個資料包各自發出，沒有人告訴傳送方它是否到達。</translation>
        </message>
        <message>
            <source>TCP: {0} steps, handshake and goodbye included. UDP: {1} steps, datagrams only.</source>
            <translation>TCP：{0} 步，包括握手和告別。UDP：{1} 步，只有資料包。</translation>
        </message>
        <message>
            <source>UDP's sendto() reported success, and nothing arrived.</source>
            <translation>UDP 的 sendto() 報告成功，但什麼也沒有到達。</translation>
        </message>
        <message>
            <source>UDP: see its timeline.</source>
            <translation>UDP：見它的時間線。</translation>
        </message>
        <message>
            <source>What happened</source>
            <translation>發生了什麼</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>accept() returned a new socket for this connection</source>
            <translation>accept() 為這個連線傳回了一個新的通訊端</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>bind() took a port</source>
            <translation>bind() 佔用了一個連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>bound to {0}</source>
            <translation>已綁定到 {0}</translation>
        </message>
        <message>
            <source>client</source>
            <translation>用戶端</translation>
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
            <translation>連接被拒絕（那個連接埠上沒有程式在監聽）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>connection refused: nobody listens there (the kernel answered RST)</source>
            <translation>連線被拒絕：那裡沒有程式監聽（核心回覆了 RST）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>connection reset by the other side</source>
            <translation>連接被對方重置</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>listen(): ready for connections</source>
            <translation>listen()：準備接受連線</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>listening on {0}</source>
            <translation>正在 {0} 上監聽</translation>
        </message>
        <message>
            <source>ms</source>
            <translation>毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no answer, no error in {0} s</source>
            <translation>{0} 秒內沒有回應，也沒有報錯</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no close handshake: the other side is not told</source>
            <translation>沒有關閉握手：對方不會得到通知</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no connection</source>
            <translation>沒有連接</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>no route to that computer</source>
            <translation>沒有到那台電腦的路由</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>nothing arrived, and nobody said so</source>
            <translation>什麼也沒有到達，也沒有人告知</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>recv() returned b'' — the other side closed</source>
            <translation>recv() 傳回 b'' —— 對方已關閉</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>recv() returned bytes</source>
            <translation>recv() 傳回了位元組</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>recvfrom() returned one whole datagram</source>
            <translation>recvfrom() 傳回了一個完整的資料包</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>send() handed bytes to the kernel</source>
            <translation>send() 把位元組交給了核心</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>sendto() sent a datagram — no connection, no handshake</source>
            <translation>sendto() 發出了一個資料包 —— 沒有連線，沒有握手</translation>
        </message>
        <message>
            <source>server</source>
            <translation>伺服器</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>shutdown(): FIN, "I will send no more"</source>
            <translation>shutdown()：FIN，「我不會再傳送了」</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>socket() made a socket</source>
            <translation>socket() 建立了一個通訊端</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>the OS reported later: {0}</source>
            <translation>作業系統隨後報告：{0}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>the network is unreachable</source>
            <translation>網路不可達</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>the operating system reported an error</source>
            <translation>作業系統報告了一個錯誤</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>timed out</source>
            <translation>逾時</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0} (connected socket): {1} bytes, no error</source>
            <translation>{0}（已連接的通訊端）：{1} 位元組，沒有報錯</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0} bytes</source>
            <translation>{0} 位元組</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0} bytes (the peer closed its side)</source>
            <translation>{0} 位元組（對方關閉了它那一端）</translation>
        </message>
        <message>
            <source>{0} timeline</source>
            <translation>{0} 時間線</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/lab/lifecycle.py" />
            <source>{0}: {1} bytes, no error</source>
            <translation>{0}：{1} 位元組，沒有報錯</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;About chatgui</source>
            <translation>關於 chatgui(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Ask before ending a room</source>
            <translation>結束房間前詢問(&amp;A)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Connect</source>
            <translation>連線(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Copy</source>
            <translation>複製(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Dark</source>
            <translation>深色(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Delete history…</source>
            <translation>刪除歷史紀錄(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Disconnect</source>
            <translation>中斷連線(&amp;D)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Downloads folder…</source>
            <translation>下載資料夾(&amp;D)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Edit</source>
            <translation>編輯(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Export history</source>
            <translation>匯出歷史紀錄(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;File</source>
            <translation>檔案(&amp;F)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Find…</source>
            <translation>尋找(&amp;F)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Help</source>
            <translation>說明(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;History…</source>
            <translation>歷史紀錄(&amp;H)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Host a room</source>
            <translation>主持房間(&amp;H)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Join</source>
            <translation>加入(&amp;J)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Keep history</source>
            <translation>保留歷史紀錄(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Language</source>
            <translation>語言(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Light</source>
            <translation>淺色(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Mute notifications</source>
            <translation>通知靜音(&amp;M)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Quit</source>
            <translation>結束(&amp;Q)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Room</source>
            <translation>房間(&amp;R)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Send</source>
            <translation>傳送(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Settings</source>
            <translation>設定(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Socket controls</source>
            <translation>通訊端控制項(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;System</source>
            <translation>跟隨系統(&amp;S)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;Theme</source>
            <translation>主題(&amp;T)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>&amp;View</source>
            <translation>檢視(&amp;V)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/room_actions.py" />
            <source>A TCP room listening on {address}, as set in the socket controls (UDP peers connect with the socket controls' Connect).</source>
            <translation>一個 TCP 房間，依 通訊端控制項的設定在 {address} 上監聽（UDP 對等端請用 通訊端控制項的「連線」）。</translation>
        </message>
        <message>
            <source>About chatgui</source>
            <translation>關於 chatgui</translation>
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
            <translation>純文字格式(&amp;T)…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Ask before quitting while people are in a room you host.</source>
            <translation>你主持的房間裡有人時，結束前先詢問。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>C&amp;lear view</source>
            <translation>清除檢視(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>CSV files (*.csv)</source>
            <translation>CSV 檔案 (*.csv)</translation>
        </message>
        <message>
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <source>Chat and lab</source>
            <translation>聊天和實驗</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Chec&amp;k the address</source>
            <translation>檢查位址(&amp;K)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Checking {address}…</source>
            <translation>正在檢查 {address}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Choose where Save puts the files people send you.</source>
            <translation>選擇「儲存」把別人傳給你的檔案放在哪裡。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Clear</source>
            <translation>清空</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Connecting… you can type once connected</source>
            <translation>正在連線… 連線成功後即可輸入</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Conversation</source>
            <translation>對話</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Delete history</source>
            <translation>刪除歷史紀錄</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Delete the saved messages? This cannot be undone.</source>
            <translation>刪除已儲存的訊息？此動作無法復原。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Delivered — the receipt came back after {rtt} ms.</source>
            <translation>已送達 —— {rtt} 毫秒後收到回執。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Double-click a room in the list, or type the host's address above and press Join.</source>
            <translation>在列表中雙擊一個房間，或在上方輸入主機位址後點選「加入」。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>English</source>
            <translation>English</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Every room</source>
            <translation>所有房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Export history</source>
            <translation>匯出歷史紀錄</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Exported the history ({count} rows) to {path}.</source>
            <translation>已將歷史紀錄（{count} 列）匯出到 {path}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>File…</source>
            <translation>檔案…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Find &amp;next</source>
            <translation>尋找下一個(&amp;N)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Find &amp;previous</source>
            <translation>尋找上一個(&amp;P)</translation>
        </message>
        <message>
            <source>Finding rooms on this network is not available — join by the host's address.</source>
            <translation>無法在本網路上尋找房間——請依主持人的位址加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>History deleted.</source>
            <translation>歷史紀錄已刪除。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>History is off: nothing is saved</source>
            <translation>歷史紀錄已關閉：不會儲存任何內容</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_place.py" />
            <source>History of {room} — read only. Join or host a room to chat.</source>
            <translation>{room} 的歷史紀錄——唯讀。加入或建立一個房間即可聊天。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>History search is ready.</source>
            <translation>歷史記錄搜尋已就緒。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>How to &amp;chat</source>
            <translation>如何聊天(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>How to read the &amp;lab</source>
            <translation>如何看懂實驗室(&amp;L)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>In the room</source>
            <translation>房間裡的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>In the room — you host it, so your message went straight to every member's connection, and TCP delivers it or that member is shown leaving. With nobody else in the room, nobody has read it.</source>
            <translation>已在房間中——你是主持人，訊息直接交給了每位成員的連線，TCP 會把它送達，否則會顯示該成員離開。房間裡沒有別人時，沒有人讀到它。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>JSON files (*.json)</source>
            <translation>JSON 檔案 (*.json)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Join the room chosen in the list, or the address typed above.</source>
            <translation>加入列表中選取的房間，或上方輸入的位址。</translation>
        </message>
        <message>
            <source>Lab: TCP vs UDP</source>
            <translation>實驗：TCP 與 UDP</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Menu bar</source>
            <translation>選單列</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Message</source>
            <translation>訊息</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Names are unique in a room. ⚠ marks a name that mixes alphabets (such as Latin and Cyrillic): it may be made to look like someone else's.</source>
            <translation>房間裡的名字各不相同。⚠ 標出混用了不同字母表（例如拉丁字母和西里爾字母）的名字：它可能被刻意做得像別人的名字。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>No receipt came back — the other side may not be a chatgui app.</source>
            <translation>沒有收到回執 —— 對方可能不是 chatgui 應用程式。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>No receipt came back. UDP does not tell the sender whether anything arrived.</source>
            <translation>沒有收到回執。UDP 不會告訴傳送方是否有東西到達。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Not connected — join or host a room to start chatting</source>
            <translation>未連線 —— 加入或主持一個房間即可開始聊天</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Not sent — typed while reconnecting, and reconnecting was cancelled or too much was waiting. Send it again.</source>
            <translation>未送出 —— 這則訊息是在重新連線期間輸入的，之後重新連線被取消，或等待傳送的內容太多。請重新傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>On this network</source>
            <translation>本網路上</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Open a room's history first (File ▸ History…), or join or host a room.</source>
            <translation>請先開啟一個房間的歷史紀錄（檔案 ▸ 歷史紀錄…），或者加入或建立一個房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>People</source>
            <translation>成員</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>People in the room</source>
            <translation>房間裡的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Preparing history search: {percent}% of {total} messages. Searching works meanwhile, only more slowly.</source>
            <translation>正在準備歷史記錄搜尋：{total} 則訊息已完成 {percent}%。期間仍可搜尋，只是較慢。</translation>
        </message>
        <message>
            <source>Private room</source>
            <translation>私密房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Remove every row from the conversation view.</source>
            <translation>從對話檢視中移除所有行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Remove every row from the view; the history keeps them.</source>
            <translation>從檢視中移除所有行；歷史紀錄中仍然保留。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Room hosted on port {port}</source>
            <translation>在連接埠 {port} 上建立的房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Rooms</source>
            <translation>房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>See whether anything answers at the address and port typed above.</source>
            <translation>看看上方輸入的位址和連接埠是否有程式回應。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send</source>
            <translation>傳送</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send a file</source>
            <translation>傳送檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send a file or a picture to the room. You can also drop files on the window or paste a picture.</source>
            <translation>向房間傳送檔案或圖片。也可以把檔案拖到視窗上，或貼上圖片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/preferences.py" />
            <source>Send the message (Ctrl+Enter). Enter starts a new line.</source>
            <translation>傳送訊息（Ctrl+Enter）。Enter 換行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Send the message (Enter). Shift+Enter starts a new line.</source>
            <translation>傳送訊息（Enter）。Shift+Enter 換行。</translation>
        </message>
        <message>
            <source>Send the same numbered messages over TCP and UDP and see what each delivers.</source>
            <translation>透過 TCP 和 UDP 傳送同樣帶編號的訊息，看看各自送達了什麼。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Send with &amp;Ctrl+Enter (Enter: new line)</source>
            <translation>用 Ctrl+Enter 傳送（Enter：換行）(&amp;C)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Send with &amp;Enter (Shift+Enter: new line)</source>
            <translation>用 Enter 傳送（Shift+Enter：換行）(&amp;E)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Sent — waiting for a receipt.</source>
            <translation>已傳送 —— 正在等待回執。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Show or hide the rooms on this network.</source>
            <translation>顯示或隱藏本網路上的房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Show or hide who is in the room.</source>
            <translation>顯示或隱藏房間裡的人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Show the TCP/UDP, role, address, port, raw text and encoding controls.</source>
            <translation>顯示 TCP/UDP、角色、位址、連接埠、原始文字和編碼控制項。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Start the session the fields describe: host, join or listen.</source>
            <translation>依上方各欄開始工作階段：主持、加入或監聽。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>System language</source>
            <translation>系統語言</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>Text files (*.txt)</source>
            <translation>文字檔案 (*.txt)</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>The history could not be exported to {path}: {error}</source>
            <translation>無法將歷史紀錄匯出到 {path}：{error}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/preferences.py" />
            <source>The new language applies the next time chatgui starts.</source>
            <translation>新的語言將在下次啟動 chatgui 時生效。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>This room</source>
            <translation>本房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Type a message — Ctrl+Enter sends, Enter starts a new line</source>
            <translation>輸入訊息 —— Ctrl+Enter 傳送，Enter 換行</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/chat_page.py" />
            <source>Type a message — Enter sends, Shift+Enter starts a new line</source>
            <translation>輸入訊息 —— Enter 傳送，Shift+Enter 換行</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type an address to check first.</source>
            <translation>請先輸入要檢查的位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type the address of the computer hosting the room, then press Connect.</source>
            <translation>輸入主持房間的電腦的位址，然後點選「連線」。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type the port the other side listens on (1–65535), then press Connect.</source>
            <translation>輸入對方監聽的連接埠（1–65535），然後點選「連線」。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>Type the port to check (1–65535) first.</source>
            <translation>請先輸入要檢查的連接埠（1–65535）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/window_menus.py" />
            <source>Write every message to this computer's history file.</source>
            <translation>將每則訊息寫入本機的歷史紀錄檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/room_actions.py" />
            <source>all interfaces</source>
            <translation>所有介面</translation>
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

在區域網路上透過 TCP 或 UDP 聊天，並看看兩者有何不同。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/history_view.py" />
            <source>earlier messages above</source>
            <translation>以上是較早的訊息</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/notifications.py" />
            <source>{count} new messages from one person</source>
            <translation>{count} 則新訊息，來自 1 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/notifications.py" />
            <source>{count} new messages from {people} people</source>
            <translation>{count} 則新訊息，來自 {people} 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/session_control.py" />
            <source>{nick}'s room announced no address this computer can use.</source>
            <translation>{nick} 的房間沒有公佈本機可以使用的位址。</translation>
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
            <translation>來自已靜音者的檔案——點擊顯示</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Fold their messages into one line each and refuse their files in this room, on this computer only; they are not told. The history still keeps their messages.</source>
            <translation>在此房間中將其每則訊息摺疊為一行並拒收其檔案，僅限這台電腦；對方不會被告知。歷史記錄仍保留其訊息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Message from a muted person — click to show</source>
            <translation>來自已靜音者的訊息——點擊顯示</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Mute {nick}</source>
            <translation>靜音 {nick}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Show their messages and offers in this room again.</source>
            <translation>在此房間中重新顯示其訊息和檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Show this message</source>
            <translation>顯示這則訊息</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Show this offer</source>
            <translation>顯示這個檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>This room has no passphrase: anyone on the network can send under this name, so muting it mutes whoever uses it, and someone muted can come back under another.</source>
            <translation>此房間沒有通關密語：網路上任何人都能以這個名字傳送訊息，所以靜音的是使用這個名字的任何人，而被靜音的人也可以換個名字再來。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>Unmute {nick}</source>
            <translation>取消靜音 {nick}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>{name} (muted)</source>
            <translation>{name}（已靜音）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/mute.py" />
            <source>{nick} offered a file; it was refused because you muted them in this room.</source>
            <translation>{nick} 傳來一個檔案；因為你在此房間將其靜音，已拒收。</translation>
        </message>
    </context>
    <context>
        <name>OsErrors</name>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>error {code}</source>
            <translation>錯誤 {code}</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>nobody is listening there</source>
            <translation>那裡沒有程式在監聽</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the connection is not open</source>
            <translation>連線沒有開啟</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the connection was cut</source>
            <translation>連線被切斷了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the message is too large for the network</source>
            <translation>訊息太大，網路傳不了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the network is down on this computer</source>
            <translation>這台電腦的網路斷開了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the operation was interrupted</source>
            <translation>操作被中斷了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the other computer is switched off or not on the network</source>
            <translation>對方電腦已關機或不在網路上</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the port is already in use on this computer</source>
            <translation>這台電腦上的這個連接埠已被佔用</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the send buffer is full, so the message was dropped</source>
            <translation>傳送緩衝區已滿，這則訊息被丟棄了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the system did not accept this address or setting (a link-local IPv6 address such as fe80::1 also needs the name of its network interface, e.g. fe80::1%eth0)</source>
            <translation>系統不接受這個位址或設定（像 fe80::1 這樣的鏈路本地 IPv6 位址還需要寫上網路介面名稱，例如 fe80::1%eth0）</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the system did not allow it (a firewall, or a missing permission)</source>
            <translation>系統不允許這樣做（防火牆，或缺少權限）</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>the system ran out of memory for the network</source>
            <translation>系統用於網路的記憶體不夠了</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>there is no route from this computer to that network</source>
            <translation>從這台電腦到那個網路沒有路由</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>there is no such network interface</source>
            <translation>沒有這個網路介面</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>there was no answer in time</source>
            <translation>沒有及時收到回應</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>this address does not belong to this computer or cannot be used here</source>
            <translation>這個位址不屬於這台電腦，或者在這裡不能用</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>this computer cannot use this kind of address (IPv6 may be switched off)</source>
            <translation>這台電腦不能使用這種位址（可能關閉了 IPv6）</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>this system does not support that network option</source>
            <translation>這個系統不支援該網路選項</translation>
        </message>
        <message>
            <location filename="../../chatgui/os_errors.py" />
            <source>too many connections and files are open</source>
            <translation>開啟的連線和檔案太多了</translation>
        </message>
    </context>
    <context>
        <name>PassphraseDialog</name>
        <message>
            <source>About this room</source>
            <translation>關於這個房間</translation>
        </message>
        <message>
            <source>Ask the host for it. It is never sent over the network, not even encrypted.</source>
            <translation>請向主持人索取。通關密語從不透過網路傳送，即使加密也不會。</translation>
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
            <translation>私密房間</translation>
        </message>
        <message>
            <source>“{room}”, hosted by {nick}, is private. Type its passphrase to join.</source>
            <translation>{nick} 主持的「{room}」是私密房間。輸入它的通關密語即可加入。</translation>
        </message>
    </context>
    <context>
        <name>PassphraseField</name>
        <message>
            <source>Hide</source>
            <translation>隱藏</translation>
        </message>
        <message>
            <source>Hide the passphrase</source>
            <translation>隱藏通關密語</translation>
        </message>
        <message>
            <source>Passphrase</source>
            <translation>通關密語</translation>
        </message>
        <message>
            <source>Show</source>
            <translation>顯示</translation>
        </message>
        <message>
            <source>Show or hide the passphrase as you type it.</source>
            <translation>輸入時顯示或隱藏通關密語。</translation>
        </message>
        <message>
            <source>Show the passphrase</source>
            <translation>顯示通關密語</translation>
        </message>
    </context>
    <context>
        <name>PictureDecoder</name>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>The picture could not be read: it is damaged or incomplete.</source>
            <translation>無法讀取這張圖片：它已損壞或不完整。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>The picture is too large to show ({size} MB).</source>
            <translation>圖片太大，無法顯示（{size} MB）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>The picture is too large to show ({width} × {height} pixels).</source>
            <translation>圖片太大，無法顯示（{width} × {height} 像素）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/picture_decoder.py" />
            <source>This is not a picture chatgui shows (PNG, JPEG, GIF or WebP).</source>
            <translation>這不是 chatgui 能顯示的圖片（PNG、JPEG、GIF 或 WebP）。</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <source>Compare this code with the other side (read it out, or over the phone): the same code on both sides means nobody is in between. A different code means someone may be listening in — disconnect.</source>
            <translation>與對方核對這個代碼（當面唸出來，或打電話）：兩邊代碼相同，表示中間沒有人。代碼不同，表示可能有人在竊聽——請中斷連線。</translation>
        </message>
        <message>
            <source>Everything sent in this session is encrypted with the passphrase; only people who typed the same passphrase can read it.</source>
            <translation>本次工作階段中傳送的一切都用通關密語加密；只有輸入相同通關密語的人才能讀取。</translation>
        </message>
        <message>
            <source>Private room</source>
            <translation>私密房間</translation>
        </message>
        <message>
            <source>Room code with {address}: {code}</source>
            <translation>與 {address} 的房間代碼：{code}</translation>
        </message>
        <message>
            <source>Room code {code}</source>
            <translation>房間代碼 {code}</translation>
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
            <translation>無法加入多播組 {group}：{detail} —— 請檢查本機是否已連線到網路，或選擇另一個網路介面。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connecting to {address} timed out — the address may be wrong, or a firewall is blocking the connection.</source>
            <translation>連線 {address} 逾時 —— 位址可能有誤，或者防火牆阻止了連線。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Connections can be opened again — new members can join the room.</source>
            <translation>又可以建立連線了 —— 新成員可以加入房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Messages typed while reconnecting were not sent ({count}) — send them again once you are back in a room.</source>
            <translation>重新連線期間輸入的訊息未送出（{count} 則）—— 回到房間後請重新傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Nobody is listening at {address} (the other computer answered “port unreachable”) — check the port and that the other side is running.</source>
            <translation>{address} 沒有程式在監聽（對方電腦回應「連接埠不可達」）—— 請檢查連接埠，並確認對方正在執行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Nobody is listening at {address} — check the address and that the other side is running and hosting.</source>
            <translation>{address} 沒有程式在監聽 —— 請檢查位址，並確認對方正在執行並主持房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Not connected — host a room or join one before sending.</source>
            <translation>未連線 —— 請先主持或加入一個房間再傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Port {port} is already in use on this computer — choose another port or stop the program using it.</source>
            <translation>連接埠 {port} 已被本機佔用 —— 請選擇其他連接埠，或關閉正在使用它的程式。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>Port {port} is below 1024, and ports below 1024 need administrator rights on this system — use a port of 1024 or more.</source>
            <translation>連接埠 {port} 小於 1024，在本系統上使用 1024 以下的連接埠需要管理員權限 —— 請使用 1024 或更大的連接埠。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The address {host} does not belong to this computer — leave the address empty to use every network, or choose one of this computer's own addresses.</source>
            <translation>位址 {host} 不屬於本機 —— 留空位址以使用所有網路，或選擇本機自己的某個位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The connection with {address} was reset — the other program stopped abruptly or the network dropped; connect again once it is back.</source>
            <translation>與 {address} 的連線被重置 —— 對方程式意外停止或網路中斷；等它恢復後再重新連線。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The host at {address} closed the connection — the room has ended; join again once it is hosting.</source>
            <translation>{address} 上的主機關閉了連線 —— 房間已結束；等它重新主持後再加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The host at {address} closed the connection — trying to rejoin the room.</source>
            <translation>{address} 的主機關閉了連線 —— 正在嘗試重新加入房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The host at {address} has not answered for {seconds} s — it may be frozen, or the network is down.</source>
            <translation>{address} 的主機已 {seconds} 秒沒有回應 —— 它可能當掉了，或者網路斷了。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The name {host} could not be found — check the spelling, or type the other computer's IP address instead.</source>
            <translation>找不到主機名稱 {host} —— 請檢查拼寫，或改為輸入對方電腦的 IP 位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The network interface {interface} has no IPv4 broadcast address — choose another interface (broadcast works on Ethernet and Wi-Fi, not on loopback or VPNs).</source>
            <translation>網路介面 {interface} 沒有 IPv4 廣播位址 —— 請選擇其他介面（廣播適用於乙太網路和 Wi-Fi，不適用於回送介面或 VPN）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The passphrase does not match this room's ({address}) — check it with the host and type it again.</source>
            <translation>通關密語與這個房間的不一致（{address}）—— 請與主持人核對後重新輸入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The room at {address} has no passphrase — leave the passphrase empty to join it.</source>
            <translation>{address} 的房間沒有通關密語 —— 請把通關密語留空再加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The room at {address} is private — join it with chatgui and the room's passphrase.</source>
            <translation>{address} 的房間是私密房間 —— 請用 chatgui 和房間通關密語加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The system reported a network error with {address}: {detail} — check the address and port, then try again.</source>
            <translation>系統報告與 {address} 通訊時出現網路錯誤：{detail} —— 請檢查位址和連接埠，然後重試。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>The system reported a network error: {detail} — check the address and port, then try again.</source>
            <translation>系統報告了一個網路錯誤：{detail} —— 請檢查位址和連接埠，然後重試。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>There is nobody to send to yet — enter the other side's address and port, or wait until someone writes to you.</source>
            <translation>還沒有傳送對象 —— 請輸入對方的位址和連接埠，或等待有人給你發訊息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This computer cannot open more connections right now (too many open files), so new members wait — the room goes on, and joining resumes as soon as connections close.</source>
            <translation>這台電腦現在無法再開啟更多連線（開啟的檔案過多），新成員需要等待 —— 房間照常進行，一旦有連線關閉就會恢復加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This message is {size} bytes, over the limit of {limit} bytes, so it was not sent — split it into shorter messages.</source>
            <translation>這條訊息有 {size} 位元組，超過了 {limit} 位元組的上限，因此沒有傳送 —— 請拆分成較短的訊息。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This message went out as a UDP datagram of {size} bytes, which the network splits into fragments; if one fragment is lost the whole message is lost — keep UDP messages under 1,400 bytes or use TCP.</source>
            <translation>這條訊息作為 {size} 位元組的 UDP 資料包發出，網路會把它拆成多個分片；只要丟失一個分片，整條訊息就會丟失 —— 請讓 UDP 訊息保持在 1,400 位元組以內，或改用 TCP。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This message would make a UDP datagram of {size} bytes, over the maximum of {limit} bytes, so it was not sent — send shorter messages or use TCP.</source>
            <translation>這條訊息會形成 {size} 位元組的 UDP 資料包，超過了 {limit} 位元組的上限，因此沒有傳送 —— 請傳送較短的訊息，或改用 TCP。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This system does not allow this program to use port {port} — choose another port, or check the firewall and security settings.</source>
            <translation>本系統不允許本程式使用連接埠 {port} —— 請選擇其他連接埠，或檢查防火牆和安全設定。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>This text contains characters that cannot be written in {encoding}, so it was not sent — remove them (emoji, for example) or choose UTF-8.</source>
            <translation>這段文字包含無法用 {encoding} 編碼的字元，因此沒有傳送 —— 請刪除這些字元（例如表情符號），或選擇 UTF-8。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} cannot be reached from this computer — check that this computer is on the same network (Wi-Fi or cable) as the other side.</source>
            <translation>從本機無法到達 {address} —— 請檢查本機與對方是否在同一網路（Wi-Fi 或有線）上。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} chose a nickname with no visible character, so it was refused — choose a nickname of 1 to 32 letters, digits or symbols.</source>
            <translation>{address} 選擇的暱稱沒有任何可見字元，因此被拒絕 —— 請使用 1 到 32 個字母、數字或符號作為暱稱。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} connected but said nothing for {seconds} s, so the connection was closed — a chat program should introduce itself or send a line at once.</source>
            <translation>{address} 連線後 {seconds} 秒內什麼也沒傳送，因此連線已關閉 —— 聊天程式應當立即自我介紹或傳送一行文字。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} could not join: the room is full ({limit} members) — someone must leave first, or the host can allow more with --max-members.</source>
            <translation>{address} 無法加入：房間已滿（{limit} 人）—— 需要先有人離開，或者主機用 --max-members 允許更多人。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} did not finish the private-room handshake within {seconds} s — it may not be chatgui, or it is an older version without private rooms.</source>
            <translation>{address} 沒有在 {seconds} 秒內完成私密房間的交握 —— 它可能不是 chatgui，或者是不支援私密房間的舊版本。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} refused what we sent (“{detail}”) — send a shorter message, or check that both sides run compatible versions.</source>
            <translation>{address} 拒絕了我們傳送的內容（「{detail}」）—— 請傳送較短的訊息，或確認雙方執行的版本相容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} sent a line longer than {limit} bytes, so that connection was closed — the other side should send shorter messages, one per line.</source>
            <translation>{address} 傳送了一行超過 {limit} 位元組的資料，因此該連線已關閉 —— 對方應該傳送較短的訊息，每行一條。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} sent a message whose “{field}” is malformed, so it was refused — that program does not follow chatgui's format.</source>
            <translation>{address} 傳來的訊息中「{field}」格式不正確，已被拒絕——那個程式沒有遵守 chatgui 的格式。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} sent a message whose “{field}” is {size}, over the limit of {limit}, so it was refused — that program does not follow chatgui's limits.</source>
            <translation>{address} 傳送的訊息中「{field}」為 {size}，超過上限 {limit}，因此被拒絕 —— 那個程式沒有遵守 chatgui 的限制。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} stopped reading what was sent to it, so its connection was closed once {limit} bytes were waiting — that program may be frozen or on a very slow network; it can join again.</source>
            <translation>{address} 不再讀取發給它的資料，因此在積壓了 {limit} 位元組後關閉了它的連線 —— 那個程式可能已卡住，或網路非常慢；它可以重新加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} tried wrong passphrases, so its next tries wait {seconds} s — someone may be guessing the passphrase.</source>
            <translation>{address} 多次輸入了錯誤的通關密語，它的下一次嘗試要等 {seconds} 秒 —— 可能有人在猜通關密語。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{address} was disconnected because it fell furthest behind while messages for all members waiting to be sent reached {limit} bytes — it can join again.</source>
            <translation>等待傳給所有成員的訊息達到 {limit} 位元組，而 {address} 落後最多，因此被中斷連線 —— 它可以重新加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{count} messages from {address} could not be read — a wrong passphrase or tampering?</source>
            <translation>來自 {address} 的 {count} 則訊息無法讀取 —— 通關密語錯誤，還是被竄改了？</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{first} or {last}</source>
            <translation>{first} 或 {last}</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{group} is not a multicast group — use an address from 224.0.0.0 to 239.255.255.255 (for example 239.255.50.7) or an IPv6 group starting with ff.</source>
            <translation>{group} 不是多播組 —— 請使用 224.0.0.0 到 239.255.255.255 之間的位址（例如 239.255.50.7），或以 ff 開頭的 IPv6 組位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{host} is a link-local address: it only works together with the network interface it is reached through — add %{zone}: {example}.</source>
            <translation>{host} 是鏈路本地位址：必須和到達它所經過的網路介面一起使用——請加上 %{zone}：{example}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{host} is a link-local address: it only works together with the network interface it is reached through — add {zones}: {example}.</source>
            <translation>{host} 是鏈路本地位址：必須和到達它所經過的網路介面一起使用——請加上 {zones}：{example}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences_address.py" />
            <source>{host} is a link-local address: it only works together with the network interface it is reached through, and this computer has none with a link-local address — connect to the same network, or use another of the host's addresses.</source>
            <translation>{host} 是鏈路本地位址：必須和到達它所經過的網路介面一起使用，而這台電腦沒有帶鏈路本地位址的介面——請連到同一個網路，或者改用主機的其他位址。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{nick} ({address}) has not answered for {seconds} s, so the connection was closed — their program may be frozen or their network down; they can join again.</source>
            <translation>{nick}（{address}）已 {seconds} 秒沒有回應，因此連線已關閉 —— 對方的程式可能當掉了或網路斷了；對方可以重新加入。</translation>
        </message>
        <message>
            <location filename="../../chatgui/sentences.py" />
            <source>{port} is not a valid port — use a number from 1 to 65535 (or 0 to let the system choose a free port when hosting).</source>
            <translation>{port} 不是有效的連接埠 —— 請使用 1 到 65535 之間的數字（主持房間時也可以用 0，由系統選擇一個可用連接埠）。</translation>
        </message>
    </context>
    <context>
        <name>QuitGuard</name>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>Don't ask again</source>
            <translation>不再詢問</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>End the room?</source>
            <translation>結束房間？</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>Quit</source>
            <translation>結束</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>You are hosting {room}: quitting ends it (nobody else is in it now).</source>
            <translation>你正在主持 {room}：結束程式會結束這個房間（現在房間裡沒有別人）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>You are hosting {room}: quitting ends it for 1 person.</source>
            <translation>你正在主持 {room}：結束程式會讓 1 個人的房間結束。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>You are hosting {room}: quitting ends it for {count} people.</source>
            <translation>你正在主持 {room}：結束程式會讓 {count} 個人的房間結束。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/quit_guard.py" />
            <source>your room</source>
            <translation>你的房間</translation>
        </message>
    </context>
    <context>
        <name>ReconnectBanner</name>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Back in the room.</source>
            <translation>已回到房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Connection lost — reconnecting in {seconds} s (attempt {attempt})…</source>
            <translation>連線已中斷 —— {seconds} 秒後重新連線（第 {attempt} 次嘗試）…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Connection lost — reconnecting now (attempt {attempt})…</source>
            <translation>連線已中斷 —— 正在重新連線（第 {attempt} 次嘗試）…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Reconnecting</source>
            <translation>重新連線</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Stop reconnecting</source>
            <translation>停止重新連線</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/reconnect_banner.py" />
            <source>Stop trying to reach the room; messages typed meanwhile are marked not sent.</source>
            <translation>不再嘗試連線房間；期間輸入的訊息會標為未送出。</translation>
        </message>
    </context>
    <context>
        <name>ResultsTable</name>
        <message>
            <source>Bytes per second</source>
            <translation>每秒位元組數</translation>
        </message>
        <message>
            <source>Delivered</source>
            <translation>已送達</translation>
        </message>
        <message>
            <source>Duplicated</source>
            <translation>重複</translation>
        </message>
        <message>
            <source>Elapsed, first send to last echo (s)</source>
            <translation>耗時，從第一次傳送到最後一個回顯（秒）</translation>
        </message>
        <message>
            <source>Lost</source>
            <translation>丟失</translation>
        </message>
        <message>
            <source>Messages per second</source>
            <translation>每秒訊息數</translation>
        </message>
        <message>
            <source>Out of order</source>
            <translation>亂序</translation>
        </message>
        <message>
            <source>Round trip per message p50 / p95 / max (ms)</source>
            <translation>每條訊息的往返時間 p50 / p95 / 最大（毫秒）</translation>
        </message>
        <message>
            <source>Sent</source>
            <translation>已傳送</translation>
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
            <translation>私密房間：加入時需要輸入通關密語。</translation>
        </message>
        <message>
            <source>Double-click to join. Addresses: {addresses}</source>
            <translation>雙擊加入。位址：{addresses}</translation>
        </message>
        <message>
            <source>hosted by {nick} · {mode} · {address}</source>
            <translation>由 {nick} 主持 · {mode} · {address}</translation>
        </message>
        <message>
            <source>none announced</source>
            <translation>未公佈</translation>
        </message>
        <message>
            <source>private</source>
            <translation>私密</translation>
        </message>
        <message>
            <source>your room</source>
            <translation>你的房間</translation>
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
            <translation>關於房間列表</translation>
        </message>
        <message>
            <source>Discovery</source>
            <translation>探索</translation>
        </message>
        <message>
            <source>Double-click a room to join it.</source>
            <translation>雙擊一個房間即可加入。</translation>
        </message>
        <message>
            <source>Every address of this computer, with who can use it.</source>
            <translation>本機的全部位址，以及誰能使用它們。</translation>
        </message>
        <message>
            <source>Host a room</source>
            <translation>主持房間</translation>
        </message>
        <message>
            <source>Host a room…</source>
            <translation>主持房間…</translation>
        </message>
        <message>
            <source>Join</source>
            <translation>加入</translation>
        </message>
        <message>
            <source>Join a room that is not in the list: type its address.</source>
            <translation>加入列表裡沒有的房間：輸入它的位址。</translation>
        </message>
        <message>
            <source>Join by address</source>
            <translation>依位址加入</translation>
        </message>
        <message>
            <source>Join by address…</source>
            <translation>依位址加入…</translation>
        </message>
        <message>
            <source>Join by the host's address, or host your own room.</source>
            <translation>依主持人的位址加入，或者自己主持一個房間。</translation>
        </message>
        <message>
            <source>Join the selected room.</source>
            <translation>加入選取的房間。</translation>
        </message>
        <message>
            <source>No rooms found yet — ask someone to host one, or host your own.</source>
            <translation>還沒有找到房間 —— 請別人主持一個，或者自己主持。</translation>
        </message>
        <message>
            <source>On this network</source>
            <translation>本網路上</translation>
        </message>
        <message>
            <source>Open a room on this computer: name it, and give it a passphrase to make it private.</source>
            <translation>在本機上開一個房間：替它取個名字；設定通關密語即成為私密房間。</translation>
        </message>
        <message>
            <source>Rooms hosted by chatgui on this network. Double-click one to join.</source>
            <translation>本網路上由 chatgui 主持的房間。雙擊一個即可加入。</translation>
        </message>
        <message>
            <source>Rooms on this network</source>
            <translation>本網路上的房間</translation>
        </message>
        <message>
            <source>Select a room in the list first, or join by its address.</source>
            <translation>請先在列表中選擇一個房間，或者依位址加入。</translation>
        </message>
        <message>
            <source>This computer's addresses</source>
            <translation>本機的位址</translation>
        </message>
        <message>
            <source>This computer's addresses…</source>
            <translation>本機的位址…</translation>
        </message>
    </context>
    <context>
        <name>RttPlot</name>
        <message>
            <source>round trip (ms)</source>
            <translation>往返時間（毫秒）</translation>
        </message>
        <message>
            <source>time since start (s)</source>
            <translation>從開始起經過的時間（秒）</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <source>Delay legend</source>
            <translation>延遲圖例</translation>
        </message>
        <message>
            <source>Each cell is one numbered message; its colour and mark say what became of it, and a delivered one's shade how much longer than the fastest its round trip took.</source>
            <translation>每一格是一條編號訊息；顏色和標記表示它的結局，已送達格子的深淺表示它的往返時間比最快的慢了多少。</translation>
        </message>
        <message>
            <source>Each dot is one arrival: across, the order it arrived in; up, its sequence number. Without loss or reordering every dot sits on the dashed line; lost messages lift the line, late ones fall below their neighbours.</source>
            <translation>每個點代表一次到達：橫向是到達的順序，縱向是它的序號。沒有丟失或亂序時，每個點都落在虛線上；丟失的訊息會讓線抬高，遲到的訊息會落在相鄰點的下方。</translation>
        </message>
        <message>
            <source>Legend</source>
            <translation>圖例</translation>
        </message>
        <message>
            <source>On: the plots compare fairly. Off: each plot zooms in on its own protocol.</source>
            <translation>開：兩個圖表可以公平比較。關：每個圖表按各自的協定縮放。</translation>
        </message>
        <message>
            <source>Results</source>
            <translation>結果</translation>
        </message>
        <message>
            <source>Same scales for TCP and UDP</source>
            <translation>TCP 和 UDP 使用相同的刻度</translation>
        </message>
        <message>
            <source>Show: arrival order</source>
            <translation>顯示：到達順序</translation>
        </message>
        <message>
            <source>Show: round trip of each message</source>
            <translation>顯示：每條訊息的往返時間</translation>
        </message>
        <message>
            <source>The window is narrow: the two plots take turns. Wider, both show.</source>
            <translation>視窗較窄：兩張圖輪流顯示。視窗更寬時兩張都顯示。</translation>
        </message>
        <message>
            <source>What the round trips measure</source>
            <translation>往返時間測的是什麼</translation>
        </message>
        <message>
            <source>What {0} experiences</source>
            <translation>{0} 的表現</translation>
        </message>
        <message>
            <source>Where TCP's loss comes from</source>
            <translation>TCP 的丟失從何而來</translation>
        </message>
        <message>
            <source>Which plot to show</source>
            <translation>顯示哪張圖</translation>
        </message>
        <message>
            <source>{0} arrival order</source>
            <translation>{0} 到達順序</translation>
        </message>
        <message>
            <source>{0} delivery strip</source>
            <translation>{0} 送達條</translation>
        </message>
        <message>
            <source>{0} round trip over time</source>
            <translation>{0} 往返時間變化</translation>
        </message>
        <message>
            <source>{0}: arrival order — big orange dots came late, blue ones twice</source>
            <translation>{0}：到達順序 —— 橘色大點表示遲到，藍色表示到達了兩次</translation>
        </message>
        <message>
            <source>{0}: one cell per message, numbered left to right</source>
            <translation>{0}：每條訊息一個格子，從左到右編號</translation>
        </message>
        <message>
            <source>{0}: round trip of each message</source>
            <translation>{0}：每條訊息的往返時間</translation>
        </message>
    </context>
    <context>
        <name>SearchBar</name>
        <message>
            <source>Close search</source>
            <translation>關閉搜尋</translation>
        </message>
        <message>
            <source>Close search (Esc)</source>
            <translation>關閉搜尋（Esc）</translation>
        </message>
        <message>
            <source>Find in this room</source>
            <translation>在本房間中尋找</translation>
        </message>
        <message>
            <source>Find in this room's history</source>
            <translation>在本房間的歷史紀錄中尋找</translation>
        </message>
        <message>
            <source>Matches</source>
            <translation>符合項目</translation>
        </message>
        <message>
            <source>Messages of people you muted are not searched. Show a message (click it) or unmute its sender to find text in it.</source>
            <translation>不會搜尋你已靜音者的訊息。顯示某則訊息（點擊它）或取消對其傳送者的靜音，即可在其中尋找。</translation>
        </message>
        <message>
            <source>Next match</source>
            <translation>下一個符合項目</translation>
        </message>
        <message>
            <source>Next match (Enter, F3)</source>
            <translation>下一個符合項目（Enter、F3）</translation>
        </message>
        <message>
            <source>No matches</source>
            <translation>沒有符合項目</translation>
        </message>
        <message>
            <source>Previous match</source>
            <translation>上一個符合項目</translation>
        </message>
        <message>
            <source>Previous match (Shift+Enter, Shift+F3)</source>
            <translation>上一個符合項目（Shift+Enter、Shift+F3）</translation>
        </message>
        <message>
            <source>{current} of {total}</source>
            <translation>第 {current} 個，共 {total} 個</translation>
        </message>
        <message>
            <source>{hidden} more in muted messages</source>
            <translation>另有 {hidden} 項在已靜音者的訊息中</translation>
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
            <translation> 條/秒</translation>
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
            <translation>路徑速度的上限；0 表示不限。</translation>
        </message>
        <message>
            <source>A computer running lab-peer:</source>
            <translation>執行 lab-peer 的電腦：</translation>
        </message>
        <message>
            <source>A peer computer</source>
            <translation>一台對端電腦</translation>
        </message>
        <message>
            <source>Answer lab runs from other computers</source>
            <translation>應答來自其他電腦的實驗</translation>
        </message>
        <message>
            <source>Answers lab traffic on port {0} (TCP and UDP), like `python3 main.py lab-peer`, while this is ticked.</source>
            <translation>勾選期間，在連接埠 {0}（TCP 和 UDP）上應答實驗流量，相當於 `python3 main.py lab-peer`。</translation>
        </message>
        <message>
            <source>Bandwidth cap</source>
            <translation>頻寬上限</translation>
        </message>
        <message>
            <source>Bandwidth:</source>
            <translation>頻寬：</translation>
        </message>
        <message>
            <source>Both ends run inside chatgui on 127.0.0.1: no second computer or person needed.</source>
            <translation>兩端都在 chatgui 內部的 127.0.0.1 上執行：不需要第二台電腦，也不需要另一個人。</translation>
        </message>
        <message>
            <source>Bytes each:</source>
            <translation>每條位元組數：</translation>
        </message>
        <message>
            <source>Bytes per message</source>
            <translation>每條訊息的位元組數</translation>
        </message>
        <message>
            <source>Bytes per message on the wire, the lab's sequence number and time stamp included.</source>
            <translation>每條訊息實際傳輸的位元組數，包括實驗用的序號和時間戳記。</translation>
        </message>
        <message>
            <source>Conditions</source>
            <translation>條件</translation>
        </message>
        <message>
            <source>Conditions (applied by chatgui, same for both)</source>
            <translation>條件（由 chatgui 施加，兩種協定相同）</translation>
        </message>
        <message>
            <source>Delay</source>
            <translation>延遲</translation>
        </message>
        <message>
            <source>Delay:</source>
            <translation>延遲：</translation>
        </message>
        <message>
            <source>Duplicates:</source>
            <translation>重複：</translation>
        </message>
        <message>
            <source>Duplication percent</source>
            <translation>重複百分比</translation>
        </message>
        <message>
            <source>Each packet's delay varies by up to this much, more or less.</source>
            <translation>每個封包的延遲在此範圍內上下浮動。</translation>
        </message>
        <message>
            <source>HOST[:PORT], port {0} if omitted</source>
            <translation>主機[:連接埠]，省略時為連接埠 {0}</translation>
        </message>
        <message>
            <source>How many numbered messages to send.</source>
            <translation>要傳送多少條帶編號的訊息。</translation>
        </message>
        <message>
            <source>Jitter</source>
            <translation>抖動</translation>
        </message>
        <message>
            <source>Let other computers run the lab against this one</source>
            <translation>允許其他電腦對本機執行實驗</translation>
        </message>
        <message>
            <source>Loss percent</source>
            <translation>丟包百分比</translation>
        </message>
        <message>
            <source>Loss:</source>
            <translation>丟包：</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>訊息</translation>
        </message>
        <message>
            <source>Messages per second</source>
            <translation>每秒訊息數</translation>
        </message>
        <message>
            <source>Messages per second. Paced, the round trips show the path; 0 sends everything in one burst, and then they show the messages queueing behind each other.</source>
            <translation>每秒訊息數。按節奏傳送時，往返時間反映路徑；0 表示一次性突發全部傳送，這時往返時間反映的是訊息相互排隊。</translation>
        </message>
        <message>
            <source>Messages:</source>
            <translation>訊息數：</translation>
        </message>
        <message>
            <source>One-way delay added to every packet.</source>
            <translation>給每個封包增加的單向延遲。</translation>
        </message>
        <message>
            <source>Packets delivered twice. UDP hands both copies to the program; TCP drops the repeat.</source>
            <translation>被送達兩次的封包。UDP 會把兩份都交給程式；TCP 會丟棄重複的那份。</translation>
        </message>
        <message>
            <source>Packets held back and delivered after later ones. UDP: out of order; TCP: only delay.</source>
            <translation>被延後、在後面的封包之後才送達的封包。UDP：亂序；TCP：只是延遲。</translation>
        </message>
        <message>
            <source>Packets lost. UDP: the datagram is gone. TCP: the kernel resends it, so it arrives late.</source>
            <translation>丟失的封包。UDP：資料包就此消失。TCP：核心會重傳，所以它會遲到。</translation>
        </message>
        <message>
            <source>Path</source>
            <translation>路徑</translation>
        </message>
        <message>
            <source>Peer address</source>
            <translation>對端位址</translation>
        </message>
        <message>
            <source>Rate:</source>
            <translation>速率：</translation>
        </message>
        <message>
            <source>Reorder:</source>
            <translation>亂序：</translation>
        </message>
        <message>
            <source>Reordering percent</source>
            <translation>亂序百分比</translation>
        </message>
        <message>
            <source>Seed</source>
            <translation>隨機種子</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>隨機種子：</translation>
        </message>
        <message>
            <source>Start `python3 main.py lab-peer` on the other computer; it answers lab traffic.</source>
            <translation>在另一台電腦上啟動 `python3 main.py lab-peer`；它會應答實驗流量。</translation>
        </message>
        <message>
            <source>The same seed and settings repeat the same run exactly.</source>
            <translation>相同的種子和設定會完全重現同一次執行。</translation>
        </message>
        <message>
            <source>This computer</source>
            <translation>本機</translation>
        </message>
        <message>
            <source>This computer (a loopback pair)</source>
            <translation>本機（一對回送連線）</translation>
        </message>
        <message>
            <source>Workload</source>
            <translation>工作負載</translation>
        </message>
        <message>
            <source>Workload (each protocol)</source>
            <translation>工作負載（每種協定）</translation>
        </message>
        <message>
            <source>as fast as possible</source>
            <translation>儘可能快</translation>
        </message>
        <message>
            <source>no cap</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>± jitter:</source>
            <translation>± 抖動：</translation>
        </message>
    </context>
    <context>
        <name>StatusLabel</name>
        <message>
            <source>Status</source>
            <translation>狀態</translation>
        </message>
    </context>
    <context>
        <name>StatusLine</name>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Broadcasting on port {port}</source>
            <translation>正在連接埠 {port} 上廣播</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Broadcasting on port {port} ({interface})</source>
            <translation>正在連接埠 {port} 上廣播（{interface}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Connected to {address}</source>
            <translation>已連線到 {address}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Connected to {address} — {count} people in the room</source>
            <translation>已連線到 {address} —— 房間裡有 {count} 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Connecting to {address}…</source>
            <translation>正在連線到 {address}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Disconnecting…</source>
            <translation>正在斷開…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Hosting on port {port} — only you in the room so far</source>
            <translation>正在連接埠 {port} 上主持房間 —— 目前房間裡只有你</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Hosting on port {port} — {count} people in the room</source>
            <translation>正在連接埠 {port} 上主持房間 —— 房間裡有 {count} 人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>In multicast group {group}, port {port}</source>
            <translation>在多播組 {group} 中，連接埠 {port}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Not connected — double-click a room to join it, or press Host a room…</source>
            <translation>未連線 —— 按兩下一個房間加入，或點選「主持房間…」。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>Opening port {port}…</source>
            <translation>正在開啟連接埠 {port}…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>UDP port {port} is open — answering whoever writes to it</source>
            <translation>UDP 連接埠 {port} 已開啟 —— 回覆任何給它發訊息的人</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>UDP port {port} is open — sending to {address}</source>
            <translation>UDP 連接埠 {port} 已開啟 —— 傳送到 {address}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/status.py" />
            <source>{where} — {count} people in the room</source>
            <translation>{where} —— 房間裡有 {count} 人</translation>
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
            <translation>複製</translation>
        </message>
        <message>
            <source>Select all</source>
            <translation>全選</translation>
        </message>
    </context>
    <context>
        <name>Transfers</name>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>(a file being prepared)</source>
            <translation>（正在準備的檔案）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>1 byte</source>
            <translation>1 位元組</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Cancelled; nothing was saved. Save again to resume.</source>
            <translation>已取消；沒有儲存任何內容。再次儲存可從中斷處繼續。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Could not connect to {nick}'s computer (a firewall?). Files go directly between the two computers: ask {nick} to let chatgui accept connections in their firewall, or to be on the same network as you, then Save again.</source>
            <translation>無法連線到 {nick} 的電腦（防火牆？）。檔案在兩台電腦之間直接傳輸：請 {nick} 在防火牆中允許 chatgui 接受連線，或與你處於同一網路，然後再次儲存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Could not write to {folder} ({why}): choose another folder with Save as…</source>
            <translation>無法寫入 {folder}（{why}）：請用「另存為…」選擇其他資料夾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_ui.py" />
            <source>Downloads folder</source>
            <translation>下載資料夾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>File</source>
            <translation>檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>File name</source>
            <translation>檔案名稱</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Files in this room travel unencrypted; anyone on the network can read them. Use a private room (a passphrase) to protect them.</source>
            <translation>此房間中的檔案以未加密方式傳輸；網路上的任何人都能讀取。請使用私密房間（設定通關密語）來保護它們。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Join or host a room first; then paste the picture.</source>
            <translation>請先加入或主持一個房間，然後再貼上圖片。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Join or host a room first; then send the file.</source>
            <translation>請先加入或主持一個房間，然後再傳送檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>No room left on the disk of {folder}: free some space, then Save again to resume.</source>
            <translation>{folder} 所在磁碟已滿：請騰出空間，然後再次儲存以繼續。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Nobody has fetched it yet.</source>
            <translation>還沒有人接收。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>Not offered.</source>
            <translation>未傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Open folder</source>
            <translation>開啟資料夾</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Open the picture</source>
            <translation>開啟圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Pasted picture {when}.png</source>
            <translation>貼上的圖片 {when}.png</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Preparing a file to offer…</source>
            <translation>正在準備要傳送的檔案…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Progress</source>
            <translation>進度</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Reading the file before offering it… {progress}</source>
            <translation>傳送前正在讀取檔案… {progress}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save</source>
            <translation>儲存</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Save a program or a script?</source>
            <translation>儲存程式或指令碼？</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save again</source>
            <translation>再次儲存</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Save anyway</source>
            <translation>仍然儲存</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save as…</source>
            <translation>另存為…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Save it in your downloads folder.</source>
            <translation>儲存到你的下載資料夾。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_ui.py" />
            <source>Save the file as</source>
            <translation>檔案另存為</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Saved to {path}</source>
            <translation>已儲存到 {path}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>Send files to the room</source>
            <translation>向房間傳送檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Size and kind</source>
            <translation>大小與類型</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Stop sending this file to one receiver; the others go on.</source>
            <translation>停止向某一位接收者傳送這個檔案；其他人繼續。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Stop sending to…</source>
            <translation>停止傳送給…</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Take the offer back: nobody can fetch it any more.</source>
            <translation>撤回此檔案：之後沒人能再接收它。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The file could not be received; nothing was saved.</source>
            <translation>無法接收該檔案；沒有儲存任何內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The file did not arrive intact; nothing was saved. Save again to try once more.</source>
            <translation>檔案未能完整抵達；沒有儲存任何內容。再次儲存即可重試。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The file is larger than this room allows; nothing was saved.</source>
            <translation>檔案超過此房間允許的大小；沒有儲存任何內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>The folder {folder} could not be made ({why}); choose another with Save as…</source>
            <translation>無法建立資料夾 {folder}（{why}）；請用「另存為…」選擇其他位置</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The part already received does not match {nick}'s file; it was set aside — Save again to start over.</source>
            <translation>已收到的部分與 {nick} 的檔案不符，已擱置——再次儲存即可從頭開始。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>The pasted picture could not be saved to offer it.</source>
            <translation>無法儲存貼上的圖片，因此無法傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>The sender went away; Save again to resume.</source>
            <translation>傳送者已離開；再次儲存可從中斷處繼續。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>The session ended; this offer is no longer available.</source>
            <translation>工作階段已結束；此檔案已無法取得。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file could not be offered.</source>
            <translation>無法傳送此檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file could not be read ({why}); it was not offered.</source>
            <translation>無法讀取此檔案（{why}）；未傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file could not be read; it was not offered.</source>
            <translation>無法讀取此檔案；未傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file is already being saved.</source>
            <translation>此檔案已在儲存中。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>This file is larger than this room allows; it was not offered.</source>
            <translation>此檔案超過此房間允許的大小；未傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>Transfer</source>
            <translation>傳輸</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>Waiting for other transfers to finish…</source>
            <translation>正在等待其他傳輸完成…</translation>
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
            <translation>你已將 {nick} 靜音；這次傳輸是你發起的，所以會繼續——按「取消」可停止。傳輸結束後這一列會摺疊。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>You offered {name} ({size})</source>
            <translation>你傳送了 {name}（{size}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>You withdrew this offer.</source>
            <translation>你已撤回此檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>offered {name} ({size})</source>
            <translation>傳送了 {name}（{size}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>the folder cannot be written</source>
            <translation>該資料夾無法寫入</translation>
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
            <translation>{folder} 不是資料夾；請用「另存為…」選擇其他位置</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{h} h {m} min left</source>
            <translation>還剩 {h} 小時 {m} 分鐘</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{kind} file</source>
            <translation>{kind} 檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{kind} picture</source>
            <translation>{kind} 圖片</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{m} min left</source>
            <translation>還剩 {m} 分鐘</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/attach.py" />
            <source>{name} is a program or a script. Opened, it could do anything your account can — delete files, steal passwords. Save it only if you trust the sender and expected it.</source>
            <translation>{name} 是程式或指令碼。一旦開啟，它能做你的帳號能做的任何事——刪除檔案、竊取密碼。只有在信任傳送者並且預期會收到它時才儲存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick} changed the file after offering it; nothing was saved. Ask them to offer it again.</source>
            <translation>{nick} 在傳送後修改了該檔案；沒有儲存任何內容。請對方重新傳送。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick} stopped sending this file; nothing was saved.</source>
            <translation>{nick} 停止了傳送此檔案；沒有儲存任何內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfers.py" />
            <source>{nick} withdrew this offer.</source>
            <translation>{nick} 撤回了此檔案。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer answered something chatgui does not understand; nothing was saved.</source>
            <translation>{nick} 的電腦回覆了 chatgui 無法理解的內容；沒有儲存任何內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer could not read the request: your passphrase may differ from theirs. Nothing was saved.</source>
            <translation>{nick} 的電腦無法讀取這個請求：你的通關密語可能與對方的不同。沒有儲存任何內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer is sending this file to many people at once; Save again in a moment.</source>
            <translation>{nick} 的電腦正同時向很多人傳送此檔案；請稍後再次儲存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{nick}'s computer no longer offers this file; nothing was saved.</source>
            <translation>{nick} 的電腦已不再提供此檔案；沒有儲存任何內容。</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{n} bytes</source>
            <translation>{n} 位元組</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: has it all</source>
            <translation>{peer}：已全部收到</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: not sent — the file can no longer be read</source>
            <translation>{peer}：未傳送——檔案已無法讀取</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/transfer_words.py" />
            <source>{peer}: not sent — the file changed on this computer; offer it again</source>
            <translation>{peer}：未傳送——此電腦上的檔案已變更；請重新傳送</translation>
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
            <translation>{peer}：在完成前離開了</translation>
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
            <translation>還剩 {s} 秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/file_rows.py" />
            <source>⚠ A program or a script: it can harm this computer. Save it only if you trust it.</source>
            <translation>⚠ 這是程式或指令碼：可能危害此電腦。只有在信任它時才儲存。</translation>
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
            <translation>chatgui —— {count} 則未讀</translation>
        </message>
    </context>
    <context>
        <name>cli</name>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>%(prog)s: error: %(message)s
</source>
            <translation>%(prog)s：錯誤：%(message)s
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
            <translation>--interface 只適用於 --broadcast 和 --multicast</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/main.py" />
            <source>--local-port applies to UDP only; it is ignored with --tcp.</source>
            <translation>--local-port 只適用於 UDP；使用 --tcp 時會被忽略。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>--raw cannot be used in a private room: raw text is sent as typed, which anyone on the network can read. Leave out --raw, or the passphrase (--passphrase-file, {env})</source>
            <translation>私密房間不能使用 --raw：原始文字按輸入原樣傳送，網路上的任何人都能讀到。請去掉 --raw，或去掉通關密語（--passphrase-file、{env}）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/main.py" />
            <source>--self-test takes no command</source>
            <translation>--self-test 不接受命令</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>--ttl applies to --multicast only</source>
            <translation>--ttl 只適用於 --multicast</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/session.py" />
            <source>Announced on this network as "{name}" (python main.py discover lists it).</source>
            <translation>已在本網路上以「{name}」的名稱公佈（python main.py discover 可以列出它）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>Answering lab traffic on {host} port {port} (TCP and UDP).</source>
            <translation>正在 {host} 的連接埠 {port} 上應答實驗流量（TCP 和 UDP）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>Cannot answer lab traffic on {bind} port {port}: {reason}</source>
            <translation>無法在 {bind} 的連接埠 {port} 上應答實驗流量：{reason}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>FAILED  {failure}</source>
            <translation>失敗  {failure}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/target.py" />
            <source>HOST names several addresses ({addresses}) — give one</source>
            <translation>HOST 裡有多個位址（{addresses}）——請只給一個</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>HOST[:PORT] of a lab-peer (default: this computer)</source>
            <translation>lab-peer 的 主機[:連接埠]（預設：本機）</translation>
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
            <translation>主持一個房間。--tcp：在 --bind:--port 上監聽，接受多人加入，把每條訊息轉發給其他人。
--udp：繫結 --port，回覆任何發來訊息的人（你輸入的內容發給所有發過訊息的人）。
使用 --port 0 時由系統選擇一個可用連接埠，並輸出到 stderr（"Listening on port N"）。
房間會在區域網路上公佈（multicast DNS），其他人可以用
'python main.py discover' 或在視窗的房間列表中找到它；--no-announce 則不公佈。
--udp --broadcast：傳送到 --interface 的廣播位址，並在 --port 上接收。
--udp --multicast GROUP：加入多播組 GROUP，在 --port 上向它傳送並從它接收（--ttl N）。
有通關密語時（--passphrase-file PATH 或 CHATGUI_PASSPHRASE）房間是私密的：
一切都會加密，公佈時帶鎖（從不公佈通關密語），只有
通關密語相同的人才能加入。

</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>Join a room. --tcp: connect to HOST:PORT (5 s timeout). --udp: send each line as one datagram to HOST:PORT
and receive from anyone on --local-port.

</source>
            <translation>加入一個房間。--tcp：連線到 HOST:PORT（逾時 5 秒）。--udp：把每一行作為一個資料包傳送到 HOST:PORT，
並在 --local-port 上接收來自任何人的資料。

</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Join the TCP room at HOST:PORT (--udp: write to the UDP peer there), offer each PATH,
and serve them until every file has reached someone and no transfer runs, or until
Ctrl+C or the end of stdin. Receivers connect to this computer for the data: a firewall
must let them in. Progress and outcomes are printed on stderr.</source>
            <translation>加入 HOST:PORT 上的 TCP 房間（--udp：寫給那裡的 UDP 對端），提供每個 PATH，
並一直傳送，直到每個檔案都有人收到且沒有傳輸在進行，或者直到
Ctrl+C 或 stdin 結束。接收方會連線到這台電腦來取資料：防火牆
必須允許它們進入。進度和結果印在 stderr 上。</translation>
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
            <translation>在標準輸入中輸入的每一行都會被傳送（工作階段建立之前先等待）。每則收到的訊息在標準輸出上
印出為一行 "SENDER: TEXT"（SENDER 是暱稱；原始文字則是 host:port）；多行的訊息印出為
帶相同前綴的多行；控制字元、雙向文字字元和不可見字元都以跳脫形式顯示（\x1b、\u202e），
標準錯誤輸出上也一樣。連線事件和問題寫到標準錯誤輸出。
輸入結束（Ctrl+D，Windows 上為 Ctrl+Z Enter）、Ctrl+C 或 SIGTERM 會結束工作階段：結束狀態為 0。
工作階段無法開始（連接埠被佔用、連線被拒絕、找不到名稱……）或你加入的主機離開時（除非使用
--reconnect）結束狀態為 1，命令列有誤時為 2。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>Listen for rooms announced on the local network (multicast DNS) for --timeout seconds,
then print one line per room: NICK  MODE  HOST  PORT  ROOM.
Exit status 0 (also when none is found: then a note on stderr), 1 when multicast does
not work on this computer. Announcements do not cross routers.</source>
            <translation>在 --timeout 秒內監聽區域網路上公佈的房間（multicast DNS），
然後每個房間輸出一行：NICK  MODE  HOST  PORT  ROOM。
結束狀態為 0（沒有找到時也是，此時會在 stderr 上給出提示），多播在本機
無法使用時為 1。公佈不會跨越路由器。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/discover.py" />
            <source>No rooms found on this network.</source>
            <translation>本網路上沒有找到房間。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Offering {name} ({size} bytes) to the room.</source>
            <translation>正在向房間提供 {name}（{size} 位元組）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP guest reads the host's sealed reply</source>
            <translation>私密 TCP 用戶端讀出主機的加密回覆</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP host listens on 127.0.0.1</source>
            <translation>私密 TCP 主機在 127.0.0.1 上監聽</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP host reads the guest's sealed message</source>
            <translation>私密 TCP 主機讀出用戶端的加密訊息</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private TCP join completes the handshake: the same room code on both sides</source>
            <translation>私密 TCP 加入完成握手：雙方的房間代碼相同</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A is bound on 127.0.0.1</source>
            <translation>私密 UDP 對等端 A 繫結在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A reads B's sealed datagram</source>
            <translation>私密 UDP 對等端 A 讀出 B 的加密資料包</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A refuses a datagram that is not sealed</source>
            <translation>私密 UDP 對等端 A 拒收未加密的資料包</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer A showed a datagram that is not sealed</source>
            <translation>私密 UDP 對等端 A 顯示了未加密的資料包</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer B is bound on 127.0.0.1</source>
            <translation>私密 UDP 對等端 B 繫結在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Private UDP peer B reads A's sealed reply</source>
            <translation>私密 UDP 對等端 B 讀出 A 的加密回覆</translation>
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
            <translation>正在讀取要提供的檔案：{percent}%</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>Received pictures can be shown (PNG, JPEG, GIF and WebP)</source>
            <translation>可以顯示收到的圖片（PNG、JPEG、GIF 和 WebP）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Received {name} from {nick} ({peer}): saved as {path}</source>
            <translation>已從 {nick}（{peer}）收到 {name}：儲存為 {path}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Receiving {name} failed: {why}.</source>
            <translation>接收 {name} 失敗：{why}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Receiving {name}: {done} of {total} bytes ({percent}%, {rate} MiB/s)</source>
            <translation>正在接收 {name}：{done} / {total} 位元組（{percent}%，{rate} MiB/s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Sending {name} to {peer} stopped: {why}.</source>
            <translation>向 {peer} 傳送 {name} 已停止：{why}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Sending {name} to {peer}: {done} of {total} bytes ({percent}%, {rate} MiB/s)</source>
            <translation>正在把 {name} 傳送給 {peer}：{done} / {total} 位元組（{percent}%，{rate} MiB/s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>Sent {name} to {peer}.</source>
            <translation>已把 {name} 傳送給 {peer}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>TCP cannot lose, duplicate or reorder bytes above the kernel, so its losses here are modelled: chatgui held back {lost} messages as TCP would after losing their packets ({delay:.0f} ms of timeouts in all) and {reordered} behind a reordered one, with every later message waiting behind them (head-of-line blocking); its {dup} duplicates cost nothing. No TCP packet was really lost: to see that, run lab-peer behind a lossy path (README, 'Real loss on Linux') and use --peer.</source>
            <translation>TCP 在核心之上不會遺失、重複或打亂位元組，所以這裡它的遺失封包是模擬的：chatgui 像 TCP 遺失封包後那樣扣住了 {lost} 則訊息（逾時共 {delay:.0f} 毫秒），並把 {reordered} 則扣在一則亂序訊息之後，之後的每則訊息都排在它們後面等待（隊頭阻塞）；它的 {dup} 個重複沒有任何代價。實際上沒有任何 TCP 封包遺失：要看真實遺失封包，請在一條會遺失封包的路徑後面執行 lab-peer（README 的「Real loss on Linux」）並使用 --peer。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP guest gets a receipt from the host</source>
            <translation>TCP 用戶端收到主機的回執</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP guest receives the host's reply</source>
            <translation>TCP 用戶端收到主機的回覆</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP host listens on 127.0.0.1</source>
            <translation>TCP 主機在 127.0.0.1 上監聽</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP host receives the guest's message</source>
            <translation>TCP 主機收到用戶端的訊息</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>TCP join connects to 127.0.0.1:{port}</source>
            <translation>TCP 加入連線到 127.0.0.1:{port}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: close a connection that has neither introduced itself nor sent a line by then (default: %(default)s)</source>
            <translation>TCP：關閉在此時限內既沒有自我介紹、也沒有傳送一行文字的連線（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: give up on the other side after this many seconds without an answer (default: %(default)s)</source>
            <translation>TCP：對方這麼多秒沒有回應就放棄（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: send a ping after this many seconds of quiet (default: %(default)s)</source>
            <translation>TCP：安靜這麼多秒後傳送一次 ping（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: the most connections at once; one more is told the room is full (default: %(default)s)</source>
            <translation>TCP：同時最多的連線數；再多一個會被告知房間已滿（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: the most output waiting for all members together, in MiB; past it the slowest members are disconnected first (default: %(default)s)</source>
            <translation>TCP：等待傳給所有成員的資料總量上限，單位 MiB；超過時先中斷最慢的成員（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>TCP: when the host goes away or stops answering, join again after 1, 2, 4 ... 30 s until it is back (Ctrl+C to give up); lines typed meanwhile are sent once back</source>
            <translation>TCP：主機離開或不再回應時，隔 1、2、4 … 30 秒重新加入，直到它回來（按 Ctrl+C 放棄）；期間輸入的行在回來後傳送</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/session.py" />
            <source>The history file {path} cannot be used ({detail}); this session is not kept.</source>
            <translation>無法使用歷史紀錄檔案 {path}（{detail}）；本次工作階段不會被儲存。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>UDP only: the local port to receive on (default: 0 = any free port)</source>
            <translation>僅 UDP：用於接收的本機連接埠（預設：0 = 任意可用連接埠）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A answers B (who wrote to it)</source>
            <translation>UDP 對等端 A 回覆 B（給它發訊息的一方）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A gets B's receipt</source>
            <translation>UDP 對等端 A 收到 B 的回執</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A is bound on 127.0.0.1</source>
            <translation>UDP 對等端 A 繫結在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer A receives B's datagram</source>
            <translation>UDP 對等端 A 收到 B 的資料包</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer B gets A's receipt</source>
            <translation>UDP 對等端 B 收到 A 的回執</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>UDP peer B is bound on 127.0.0.1</source>
            <translation>UDP 對等端 B 繫結在 127.0.0.1 上</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>UDP: join the multicast GROUP (IPv4 or IPv6, e.g. %(example)s), send to it, receive from it</source>
            <translation>UDP：加入多播組 GROUP（IPv4 或 IPv6，例如 %(example)s），向它傳送並從它接收</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>UDP: send to the broadcast address of --interface; receive broadcasts on --port</source>
            <translation>UDP：傳送到 --interface 的廣播位址；在 --port 上接收廣播</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>a passphrase is never given on the command line (other users of this computer could read it in the process list): use --passphrase-file PATH or the environment variable {env}</source>
            <translation>通關密語從不在命令列上給出（這台電腦的其他使用者能在程序列表中看到它）：請使用 --passphrase-file PATH 或環境變數 {env}</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>a private room: read its passphrase from the first line of PATH (or set the environment variable %(env)s); everything sent is then encrypted and only people with the same passphrase can join. There is no option taking the passphrase itself: other users of this computer could read it in the process list</source>
            <translation>私密房間：從 PATH 的第一行讀取通關密語（或設定環境變數 %(env)s）；之後傳送的一切都會加密，只有通關密語相同的人才能加入。沒有直接接受通關密語的選項：這台電腦的其他使用者能在程序列表中看到它</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>address to listen on (default: every interface, IPv4 and IPv6)</source>
            <translation>監聽的位址（預設：所有介面，IPv4 和 IPv6）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>ambiguous option: %(option)s could match %(matches)s</source>
            <translation>有歧義的選項：%(option)s 可以符合 %(matches)s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>answer lab traffic on TCP and UDP on one port</source>
            <translation>在同一個連接埠上應答 TCP 和 UDP 實驗流量</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>argument %(argument_name)s: %(message)s</source>
            <translation>參數 %(argument_name)s：%(message)s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>bandwidth cap, kbit/s (0: none)</source>
            <translation>頻寬上限，kbit/s（0：不限）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>broadcast/multicast: the network interface to use, e.g. eth0 (default: the system's choice)</source>
            <translation>廣播/多播：使用的網路介面，例如 eth0（預設：由系統選擇）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>bytes per message</source>
            <translation>每條訊息的位元組數</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>bytes/s</source>
            <translation>位元組/秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>cannot read the passphrase file {path}: {reason}</source>
            <translation>無法讀取通關密語檔案 {path}：{reason}</translation>
        </message>
        <message>
            <location filename="../../chatgui/ui/app.py" />
            <source>chatgui cannot open its window: there is no display here (neither DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session; or use the headless commands ({command}); or set QT_QPA_PLATFORM=offscreen to run the window without a screen.</source>
            <translation>chatgui 無法開啟視窗：這裡沒有顯示器（DISPLAY 和 WAYLAND_DISPLAY 都未設定）。請在桌面工作階段中啟動它；或者使用無介面指令（{command}）；或者設定 QT_QPA_PLATFORM=offscreen，在沒有螢幕的情況下執行視窗。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>chatgui: chat over TCP or UDP on a LAN. With no arguments, opens the window;
the commands below run without a window.</source>
            <translation>chatgui：在區域網路上透過 TCP 或 UDP 聊天。不帶引數時開啟視窗；
下面的命令在沒有視窗的情況下執行。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>commands</source>
            <translation>命令</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>delivered</source>
            <translation>已送達</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>do not announce the room on the network (others can still join by address)</source>
            <translation>不在網路上公佈房間（其他人仍然可以透過位址加入）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>duplicated</source>
            <translation>重複</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>encoding of raw text sent and received (default: %(default)s)</source>
            <translation>收發原始文字所用的編碼（預設：%(default)s）</translation>
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
            <translation>範例：
  python main.py                                  # 視窗
  python main.py host --tcp --port 50007          # 主持一個房間
  python main.py join --tcp 192.168.1.5 50007     # 從另一台電腦加入
  python main.py host --udp --port 50007          # 回覆任何發來訊息的 UDP 對等端
  python main.py join --udp 192.168.1.5 50007     # 向它發訊息的 UDP 對等端
  python main.py host --tcp --raw --echo          # 教學風格的回音伺服器
  python main.py discover                         # 本網路上公佈的房間
  python main.py host --udp --broadcast           # 子網內所有人使用廣播模式
  python main.py host --udp --multicast 239.255.50.7  # 該組內的所有人
  python main.py --self-test                      # 在本機上測試 TCP 和 UDP

執行 'python main.py host --help'、'python main.py join --help' 或
'python main.py discover --help' 檢視詳情。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>examples:
  python main.py discover
  python main.py discover --timeout 10
  python main.py join --tcp HOST PORT             # then join one of them</source>
            <translation>範例：
  python main.py discover
  python main.py discover --timeout 10
  python main.py join --tcp HOST PORT             # 然後加入其中一個</translation>
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
            <translation>範例：
  python main.py host --tcp                       # 連接埠 50007，所有介面
  python main.py host --tcp --port 0 --nick ann   # 任意可用連接埠
  python main.py host --udp --bind 127.0.0.1 --port 9999
  python main.py host --tcp --raw --echo          # 供 nc / 教學用戶端使用的回音伺服器
  python main.py host --tcp --raw --encoding gbk  # 與使用 GBK 的程式通訊
  python main.py host --tcp --room 'Lab 3'        # 以 'Lab 3' 的名稱公佈
  python main.py host --tcp --passphrase-file ~/.lab3-passphrase  # 私密房間
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
            <translation>範例：
  python main.py join --tcp 192.168.1.5 50007 --nick bob
  CHATGUI_PASSPHRASE='maple-river-candle-orbit' python main.py join --tcp 192.168.1.5 50007
  python main.py join --udp ::1 50007 --local-port 50008
  python main.py join --tcp [fd00::2]:50007       # 照主機視窗顯示的寫法
  python main.py join --tcp --raw 127.0.0.1 65432  # 教學中的回音伺服器</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>examples:
  python main.py send-file --tcp 192.168.1.5 50007 photo.png --nick alice
  python main.py send-file --udp 192.168.1.5 50007 notes.pdf report.pdf</source>
            <translation>範例：
  python main.py send-file --tcp 192.168.1.5 50007 photo.png --nick alice
  python main.py send-file --udp 192.168.1.5 50007 notes.pdf report.pdf</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>exchange messages over TCP and UDP on 127.0.0.1 inside this process; exit 0 if all works</source>
            <translation>在本程式內透過 127.0.0.1 用 TCP 和 UDP 交換訊息；全部正常則結束狀態為 0</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>expected one argument</source>
            <translation>需要一個值</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/target.py" />
            <source>give the port: HOST PORT, or HOST:PORT ([v6]:PORT for IPv6)</source>
            <translation>請給出連接埠：HOST PORT，或 HOST:PORT（IPv6 寫成 [v6]:PORT）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>host a TCP room, or be a UDP peer that answers whoever writes to it</source>
            <translation>主持一個 TCP 房間，或作為回覆任何發來訊息者的 UDP 對等端</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>how long to listen (default: %(default)s)</source>
            <translation>監聽多長時間（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>invalid %(type)s value: %(value)r</source>
            <translation>無效的 %(type)s 值：%(value)r</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>invalid choice: %(value)r (choose from %(choices)s)</source>
            <translation>無效的選擇：%(value)r（可選：%(choices)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>its port</source>
            <translation>它的連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>join a TCP room, or write to a UDP peer</source>
            <translation>加入一個 TCP 房間，或向一個 UDP 對等端發訊息</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>keep no history of this session</source>
            <translation>不保留本次工作階段的歷史紀錄</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>list the chatgui rooms announced on this network</source>
            <translation>列出本網路上公佈的 chatgui 房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>lost</source>
            <translation>丟失</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>messages per protocol</source>
            <translation>每種協定的訊息數</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>messages per second (0: fast)</source>
            <translation>每秒訊息數（0：儘快）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>messages/s</source>
            <translation>條/秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>multicast: how many routers a message may cross (default: 1, this network only)</source>
            <translation>多播：一條訊息最多可以經過多少個路由器（預設：1，僅限本網路）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>name or address of the other side, or HOST:PORT, [v6]:PORT</source>
            <translation>對方的名稱或位址，也可以寫 HOST:PORT、[v6]:PORT</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>name or address of the room's host or the UDP peer</source>
            <translation>房間主機或 UDP 對端的名稱或位址</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>not allowed with argument %s</source>
            <translation>不能與參數 %s 一起使用</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>nothing happened within {s:.0f} s</source>
            <translation>{s:.0f} 秒內什麼也沒有發生</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>offer files to a TCP room or a UDP peer and serve them</source>
            <translation>向 TCP 房間或 UDP 對端提供檔案並傳送它們</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>ok  {what} ({ms:.0f} ms)</source>
            <translation>通過  {what}（{ms:.0f} 毫秒）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>one of the arguments %s is required</source>
            <translation>必須給出參數 %s 之一</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>one-way delay, ms</source>
            <translation>單向延遲，毫秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>options</source>
            <translation>選項</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>out of order</source>
            <translation>亂序</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>percent duplicated</source>
            <translation>重複的百分比</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>percent of packets lost</source>
            <translation>丟包的百分比</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>percent reordered</source>
            <translation>亂序的百分比</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>port to listen on (default: %(default)s; 0 = any free port)</source>
            <translation>監聽的連接埠（預設：%(default)s；0 = 任意可用連接埠）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>positional arguments</source>
            <translation>位置參數</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>print one JSON object</source>
            <translation>輸出一個 JSON 對象</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>raw mode: send each stdin line as plain bytes in --encoding with --line-ending, no JSON (to talk to nc, socat and tutorial socket scripts)</source>
            <translation>原始模式：把標準輸入的每一行按 --encoding 編碼、加上 --line-ending 作為純位元組傳送，不用 JSON（用於與 nc、socat 和教學中的 socket 腳本通訊）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>raw mode: what ends each line sent (default: %(default)s)</source>
            <translation>原始模式：每行傳送時的結尾（預設：%(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>receive every file offered in the room into DIR (created if needed); where each one landed is printed on stderr. Names are cleaned; nothing is opened</source>
            <translation>把房間裡提供的每個檔案都接收到 DIR（需要時會建立）；每個檔案存放的位置印在 stderr 上。檔名會被清理；不會開啟任何檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>run the same numbered messages over TCP and UDP at once and compare</source>
            <translation>同時透過 TCP 和 UDP 傳送同樣帶編號的訊息並進行比較</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>seconds</source>
            <translation>秒</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/selftest.py" />
            <source>self-test passed: {n} checks over TCP and UDP on 127.0.0.1</source>
            <translation>自我測試通過：在 127.0.0.1 上透過 TCP 和 UDP 完成了 {n} 項檢查</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>send every received message back to its sender (raw stays raw), like tutorial echo servers</source>
            <translation>把收到的每條訊息發回給傳送者（原始文字仍是原始文字），就像教學中的回音伺服器</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>sent</source>
            <translation>已傳送</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>show this help message and exit</source>
            <translation>顯示此說明訊息並結束</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>the SQLite file to keep this session's messages in (default: the window's history, so the window shows this room's messages when it opens the room)</source>
            <translation>儲存本次工作階段訊息的 SQLite 檔案（預設：視窗的歷史紀錄，這樣視窗開啟這個房間時會顯示它的訊息）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>the address to listen on</source>
            <translation>監聽的位址</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>the files to offer</source>
            <translation>要提供的檔案</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>the following arguments are required: %s</source>
            <translation>缺少以下參數：%s</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase file {path} is empty: put the passphrase on its first line</source>
            <translation>通關密語檔案 {path} 是空的：請把通關密語寫在第一行</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase file {path} is not UTF-8 text</source>
            <translation>通關密語檔案 {path} 不是 UTF-8 文字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase in {source} is longer than {limit} characters</source>
            <translation>{source} 中的通關密語超過 {limit} 個字元</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/passphrase.py" />
            <source>the passphrase in {source} is not UTF-8 text</source>
            <translation>{source} 中的通關密語不是 UTF-8 文字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>the port for both</source>
            <translation>兩者共用的連接埠</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>the room's name announced on the network (default: "NICK's room")</source>
            <translation>在網路上公佈的房間名稱（預設："NICK 的房間"）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>the same seed repeats a run</source>
            <translation>相同的種子會重現同一次執行</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/argparse_words.py" />
            <source>unrecognized arguments: %s</source>
            <translation>無法辨識的參數：%s</translation>
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
            <translation>你的暱稱（預設：你的使用者名稱）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>your nickname (default: your user name, here %(default)s)</source>
            <translation>你的暱稱（預設：你的使用者名稱，這裡是 %(default)s）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/target.py" />
            <source>{address} says port {port}, and PORT says {other} — give the port once</source>
            <translation>{address} 寫的連接埠是 {port}，PORT 卻是 {other}——連接埠只寫一次</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{name} is no longer offered.</source>
            <translation>{name} 已不再提供。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{name} is not offered: {why}.</source>
            <translation>{name} 沒有提供：{why}。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{nick} offers {name} ({size} bytes) — a program or script: open it only if you trust {nick}.</source>
            <translation>{nick} 提供了 {name}（{size} 位元組）—— 這是程式或指令碼：只有在你信任 {nick} 時才開啟它。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/files.py" />
            <source>{nick} offers {name} ({size} bytes).</source>
            <translation>{nick} 提供了 {name}（{size} 位元組）。</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{nick}'s room</source>
            <translation>{nick} 的房間</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{port} is not a port: use a number from {lowest} to 65535</source>
            <translation>{port} 不是連接埠：請使用 {lowest} 到 65535 之間的數字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{ttl} is not a TTL: use a number from 1 to 255</source>
            <translation>{ttl} 不是有效的 TTL：請使用 1 到 255 之間的數字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{value} is not a number</source>
            <translation>{value} 不是數字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>{value} is not a percentage (0 to 100)</source>
            <translation>{value} 不是百分比（0 到 100）</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{value} is not a time: use seconds from 0.1 to 3600</source>
            <translation>{value} 不是時間：請使用 0.1 到 3600 之間的秒數</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/args.py" />
            <source>{value} is out of range: use a number from {lowest} to {highest}</source>
            <translation>{value} 超出範圍：請使用 {lowest} 到 {highest} 之間的數字</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>{value} must not be negative</source>
            <translation>{value} 不能為負數</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/lab.py" />
            <source>± jitter, ms</source>
            <translation>± 抖動，毫秒</translation>
        </message>
    </context>
    <context>
        <name>startup</name>
        <message>
            <location filename="../../chatgui/cli/startup_time.py" />
            <source>startup: the window did not paint within {s} s</source>
            <translation>startup: 視窗在 {s} 秒內沒有完成繪製</translation>
        </message>
        <message>
            <location filename="../../chatgui/cli/startup_time.py" />
            <source>startup: {ms} ms</source>
            <translation>startup: {ms} ms</translation>
        </message>
    </context>
</TS>
